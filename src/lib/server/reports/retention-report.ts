import { periodInstants } from '../../domain/reports/report-period';
import { retentionFigures, type RetentionRow } from '../../domain/reports/retention';
import { visitsForRetention } from '../booking/report-reads';
import type { Db } from '../db/database';
import { listAllPractitionerNames } from '../scheduling-settings/settings-repository';
import { getClinic } from '../clinic/clinic-repository';

export interface RetentionReportRow extends RetentionRow {
	nameJa: string;
	nameEn: string;
}

/**
 * 次回予約率, 再来率 and 平均来店間隔 for a period (issue #17), per practitioner and for the clinic;
 * with `practitionerId` only that practitioner's row. Reads every booking of the patients seen
 * up to the period's end (a clinic's whole history is small).
 */
export async function loadRetentionReport(
	db: Db,
	query: { from: string; to: string; practitioner?: string | null },
	now = db.clock.now()
): Promise<RetentionReportRow[]> {
	const clinic = await getClinic(db);
	const period = { from: query.from, to: query.to, timeZone: clinic.time_zone };
	const { end } = periodInstants(period);
	const [rows, practitioners] = await Promise.all([
		// Later visits matter only as "the next one" or the return within 90 days.
		visitsForRetention(db, new Date(end + 91 * 86_400_000).toISOString()),
		listAllPractitionerNames(db)
	]);
	const figures = retentionFigures(
		rows.map((r) => ({
			id: r.id,
			patientId: r.patient_id!,
			practitionerId: r.practitioner_id,
			startsAt: r.starts_at,
			createdAt: r.created_at,
			attended: r.status === 'arrived' || r.status === 'completed',
			cancelled: r.status === 'cancelled'
		})),
		period,
		now.getTime()
	);
	const named = figures.map((row) => {
		const p = practitioners.find((x) => x.id === row.practitionerId);
		return { ...row, nameJa: p ? `${p.family_name_ja} ${p.given_name_ja}` : '', nameEn: p ? `${p.given_name_en} ${p.family_name_en}` : '' };
	});
	return query.practitioner ? named.filter((r) => r.practitionerId === query.practitioner) : named;
}
