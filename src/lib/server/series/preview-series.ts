import { localInstant } from '../../domain/time';
import { proposeSeries, seriesDates, type SeriesVisitProposal } from '../../domain/scheduling/series';
import type { Db } from '../db/database';
import { activePractitionerOffers, findMainService } from '../scheduling-settings/settings-repository';
import type { Service } from '../db/schema';
import type { TSeriesRequest } from './schemas';
import { loadSeriesSlots } from './series-slots';
import { findPatient } from '../patients/patient-repository';

export type SeriesCheck = { ok: true; service: Service } | { ok: false; code: 'patient_not_found' | 'service_not_found' | 'not_offered' };

/** The patient exists, the service is a treatment, and the practitioner gives it (a licence question, docs/clinical-rules.md §6). */
export async function checkSeriesRequest(db: Db, input: Pick<TSeriesRequest, 'patientId' | 'serviceId' | 'practitionerId'>): Promise<SeriesCheck> {
	const [patient, service, offered] = await Promise.all([
		findPatient(db, input.patientId, ['id'], { notErased: true }),
		findMainService(db, input.serviceId),
		activePractitionerOffers(db, input.practitionerId, input.serviceId)
	]);
	if (!patient) return { ok: false, code: 'patient_not_found' };
	if (!service) return { ok: false, code: 'service_not_found' };
	if (!offered) return { ok: false, code: 'not_offered' };
	return { ok: true, service };
}

export type PreviewSeriesResult = { ok: true; proposals: SeriesVisitProposal[]; timeZone: string } | Extract<SeriesCheck, { ok: false }>;

/**
 * What a series would book, before anything is written (issue #17): each visit on the series'
 * weekday and time with its practitioner and bed where free, and each taken one with the nearest
 * free alternative. Reads only.
 */
export async function previewSeries(db: Db, input: TSeriesRequest, now = db.clock.now().getTime()): Promise<PreviewSeriesResult> {
	const check = await checkSeriesRequest(db, input);
	if (!check.ok) return check;
	const dates = seriesDates(input.firstDate, input.frequencyPerWeek, input.count);
	const { slots, timeZone } = await loadSeriesSlots(db, check.service, dates[0]!, dates.at(-1)!, input.bedId, now);
	const wanted = dates.map((date) => localInstant(date, input.time, timeZone));
	return { ok: true, proposals: proposeSeries(wanted, slots, input.practitionerId), timeZone };
}
