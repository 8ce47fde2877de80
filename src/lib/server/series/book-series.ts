import { randomUUID } from 'node:crypto';
import { localDate } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { appointmentRow } from '../booking/appointment-row';
import { visitReminderJobs } from '../booking/booking-mail-jobs';
import { reminderTiming } from '../reminders/reminder-settings';
import { insertAppointment } from '../booking/appointment-repository';
import { isUniqueViolation, resourcesOf } from '../booking/occupancy';
import type { Db } from '../db/database';
import type { Appointment } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { enqueueJobs, type NewJob } from '../jobs/queue';
import { claimOrThrow, OccupancyConflict } from '../schedule/appointment-conflict';
import { checkSeriesRequest } from './preview-series';
import type { TSeriesVisit } from './schemas';
import { SERIES_CONFIRMATION_MAIL_JOB } from './series-mail';
import { loadSeriesSlots } from './series-slots';
import { insertAppointmentSeries } from './series-repository';
import { getPatient } from '../patients/patient-repository';
import { getClinic } from '../clinic/clinic-repository';

export interface BookSeriesInput {
	patientId: string;
	serviceId: string;
	practitionerId: string;
	bedId?: string;
	planId?: string;
	visits: TSeriesVisit[];
}

export type BookSeriesResult =
	| { ok: true; seriesId: string; appointments: Appointment[] }
	/** A visit was taken since the preview: nothing was written; `index` names it when known. */
	| { ok: false; code: 'conflict'; index: number | null }
	| { ok: false; code: 'patient_not_found' | 'service_not_found' | 'not_offered' | 'no_visits' };

class VisitTaken extends Error {
	constructor(readonly index: number) {
		super('series visit taken');
	}
}

/**
 * Books a series in one transaction (issue #17): every visit is checked again against fresh data
 * and claims its grains through the occupancy key, as every booking does; if any one is taken (also
 * by a booking that commits meanwhile), the whole series rolls back and nothing is written. The
 * patient gets one mail listing every visit, and a reminder before each.
 */
export async function bookSeries(db: Db, input: BookSeriesInput, actor: AuditActor, now = db.clock.now().getTime()): Promise<BookSeriesResult> {
	if (input.visits.length === 0) return { ok: false, code: 'no_visits' };
	const check = await checkSeriesRequest(db, input);
	if (!check.ok) return check;
	const service = check.service;
	const starts = input.visits.map((v) => Date.parse(v.start));
	try {
		return await withTransaction(db, async (tx) => {
			const patient = await getPatient(tx, input.patientId, ['id', 'preferred_locale']);
			const ordered = [...starts].sort((a, b) => a - b);
			const clinic = await getClinic(tx);
			const { slots, timeZone } = await loadSeriesSlots(
				tx,
				service,
				localDate(ordered[0]!, clinic.time_zone),
				localDate(ordered.at(-1)!, clinic.time_zone),
				input.bedId,
				now
			);
			const seriesId = randomUUID();
			await insertAppointmentSeries(tx, {
				id: seriesId,
				patient_id: patient.id,
				plan_id: input.planId ?? null,
				service_id: service.id,
				practitioner_id: input.practitionerId,
				planned_visits: input.visits.length,
				created_by: actor.id ?? 'system',
				created_at: new Date(now).toISOString()
			});
			const appointments: Appointment[] = [];
			const jobs: NewJob[] = [{ kind: SERIES_CONFIRMATION_MAIL_JOB, payload: { seriesId } }];
			const timing = await reminderTiming(tx);
			for (const [index, visit] of input.visits.entries()) {
				const slot = slots.find((s) => s.start === starts[index] && s.practitionerId === visit.practitionerId);
				if (!slot) throw new VisitTaken(index);
				const appointment = appointmentRow({
					slot,
					patientId: patient.id,
					serviceId: service.id,
					bufferMinutes: service.buffer_minutes,
					source: 'staff',
					locale: patient.preferred_locale,
					now,
					firstVisit: false,
					seriesId
				});
				await insertAppointment(tx, appointment);
				// The same key that stops any double booking: a grain held by anyone (another visit of this series included) rolls it all back.
				await claimOrThrow(tx, appointment.id, resourcesOf(appointment), slot.start, Date.parse(appointment.held_until));
				appointments.push(appointment);
				jobs.push(...visitReminderJobs(tx.secrets, { appointmentId: appointment.id, patientId: patient.id }, slot.start, now, timing));
			}
			await recordAudit(tx, actor, {
				action: 'series.book',
				entityType: 'appointment_series',
				entityId: seriesId,
				patientId: patient.id,
				detail: {
					serviceId: service.id,
					practitionerId: input.practitionerId,
					planId: input.planId ?? null,
					visits: appointments.map((a) => a.starts_at),
					timeZone
				}
			});
			await enqueueJobs(tx, jobs, new Date(now));
			return { ok: true, seriesId, appointments } as const;
		});
	} catch (cause) {
		if (cause instanceof VisitTaken) return { ok: false, code: 'conflict', index: cause.index };
		if (cause instanceof OccupancyConflict || isUniqueViolation(cause)) return { ok: false, code: 'conflict', index: null };
		throw cause;
	}
}
