import { clinicReport, type ClinicReport } from '../../domain/reports/clinic-report';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { loadReportInputs, type ReportScope } from './report-repository';

export type { ReportScope };

/**
 * The owner's report for a period, or one practitioner's own figures. Audited: the outcome
 * figures are computed from patients' check-ins, even though only counts leave this function.
 */
export async function buildClinicReport(db: Db, scope: ReportScope, actor: AuditActor): Promise<ClinicReport> {
	const report = clinicReport(await loadReportInputs(db, scope), scope);
	await recordAudit(db, actor, {
		action: 'report.read',
		entityType: 'report',
		entityId: `${scope.from}..${scope.to}`,
		detail: { practitionerId: scope.practitionerId }
	});
	if (scope.practitionerId === null) return report;
	// A practitioner's view holds their own figures only, not the clinic's overall outcome line.
	return { ...report, outcomes: report.outcomes.filter((g) => g.key === scope.practitionerId) };
}
