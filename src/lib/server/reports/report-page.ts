import { reportTables, type ReportTable } from '../../domain/reports/report-tables';
import type { ClinicReport } from '../../domain/reports/clinic-report';
import { localDate } from '../../domain/time';
import type { AuditActor } from '../audit/audit-log';
import { listExpiringDoctorConsents } from '../billing/doctor-consent';
import type { Db } from '../db/database';
import type { StaffRole } from '../db/schema';
import { buildClinicReport } from './clinic-report';
import { ZReportQuerySchema, type TReportQuery } from './report-query';
import { reportViewer } from './report-viewer';
import { CLINIC_DEFAULT_TIME_ZONE } from '../clinic/clinic-settings';
import { findClinic } from '../clinic/clinic-repository';

export type ReportPageResult =
	| { ok: true; query: TReportQuery; report: ClinicReport; tables: ReportTable[]; mayChoosePractitioner: boolean; today: string }
	| { ok: false; code: 'invalid'; fields: Record<string, string>; today: string }
	| { ok: false; code: 'forbidden' };

/** What the report page and its CSV export share: the checked query, the figures and the tables. */
export async function reportForRequest(
	db: Db,
	params: URLSearchParams,
	staff: { id: string; role: StaffRole },
	actor: AuditActor,
	locale: 'ja' | 'en'
): Promise<ReportPageResult> {
	const clinic = await findClinic(db);
	const timeZone = clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE;
	const today = localDate(db.clock.now().getTime(), timeZone);
	const parsed = ZReportQuerySchema(today).safeParse({
		from: params.get('from') ?? undefined,
		to: params.get('to') ?? undefined,
		practitioner: params.get('practitioner') ?? undefined
	});
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
		return { ok: false, code: 'invalid', fields, today };
	}
	const viewer = await reportViewer(db, staff, parsed.data.practitioner);
	if (!viewer.ok) return { ok: false, code: 'forbidden' };
	const query = { ...parsed.data, practitioner: viewer.practitionerId };
	const report = await buildClinicReport(db, { from: query.from, to: query.to, timeZone, practitionerId: query.practitioner }, actor);
	// Consents that run out within 30 days of today: the desk's to-do list, whatever the period.
	const consents = clinic ? await listExpiringDoctorConsents(db, { today }) : [];
	const consentRows = consents.map((c) => ({
		patientNumber: c.patientNumber,
		name: `${c.familyName} ${c.givenName}`,
		expiresOn: c.expiresOn,
		daysLeft: c.daysLeft,
		renewed: c.renewed
	}));
	return { ok: true, query, report, tables: reportTables(report, locale, consentRows), mayChoosePractitioner: viewer.mayChoosePractitioner, today };
}
