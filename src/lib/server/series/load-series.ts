import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { seriesVisitsWithPractitioner } from '../booking/series-visit-reads';
import type { AppointmentStatus } from '../db/schema';

export interface SeriesView {
	id: string;
	patient: { id: string; familyName: string; givenName: string };
	service: { ja: string; en: string };
	plannedVisits: number;
	visits: Array<{ id: string; startsAt: string; endsAt: string; status: AppointmentStatus; practitioner: { ja: string; en: string } }>;
}

/** A series with all its visits, for the desk (issue #17). Reading it is audited: it names a patient. */
export async function loadSeries(db: Db, seriesId: string, actor: AuditActor): Promise<SeriesView | null> {
	const series = await db.kysely
		.selectFrom('appointment_series')
		.innerJoin('patient', 'patient.id', 'appointment_series.patient_id')
		.innerJoin('service', 'service.id', 'appointment_series.service_id')
		.select([
			'appointment_series.id',
			'appointment_series.planned_visits',
			'patient.id as patient_id',
			'patient.family_name',
			'patient.given_name',
			'service.name_ja',
			'service.name_en'
		])
		.where('appointment_series.id', '=', seriesId)
		.executeTakeFirst();
	if (!series) return null;
	const visits = await seriesVisitsWithPractitioner(db, seriesId);
	await recordAudit(db, actor, { action: 'series.read', entityType: 'appointment_series', entityId: series.id, patientId: series.patient_id });
	return {
		id: series.id,
		patient: { id: series.patient_id, familyName: series.family_name, givenName: series.given_name },
		service: { ja: series.name_ja, en: series.name_en },
		plannedVisits: series.planned_visits,
		visits: visits.map((v) => ({
			id: v.id,
			startsAt: v.starts_at,
			endsAt: v.ends_at,
			status: v.status,
			practitioner: { ja: `${v.family_name_ja} ${v.given_name_ja}`, en: `${v.given_name_en} ${v.family_name_en}` }
		}))
	};
}
