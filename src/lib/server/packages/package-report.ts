import { addDays, isCalendarDate, localInstant } from '../../domain/time';
import { courseFiguresAt, totalFigures, type CourseFigures, type FigureTotals } from '../../domain/packages/report';
import { lastValidDay } from '../../domain/packages/terms';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { clinicToday, findBillingClinic } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { loadPackage } from './package-repository';
import { findStaffRole } from '../staff/staff-repository';

/*
 * The owner's report of prepaid courses at any date (issue #18): courses sold, visits used,
 * expired and refunded, money refunded, and the 前受金 (liability: paid visits not yet given), one
 * row per course sold by the end of that day, with a totals row. It names patients, so reading it
 * is audited. A sale whose charge was voided by that day is left out (it was never a course).
 */

export interface PackageReportRow extends CourseFigures {
	saleId: string;
	patientId: string;
	patientNumber: string | null;
	patientName: string;
	nameJa: string;
	nameEn: string;
	soldOn: string;
	validThrough: string;
}

export interface PackageReport {
	asOf: string;
	rows: PackageReportRow[];
	totals: FigureTotals;
}

export type PackageReportResult =
	{ ok: true; report: PackageReport } | { ok: false; code: 'forbidden' } | { ok: false; code: 'invalid'; fields: { date: string } };

/** The report at the end of `date` (clinic-local, default today). Owner only. */
export async function packageReport(db: Db, date: string | null, actor: AuditActor, options: { now?: Date } = {}): Promise<PackageReportResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staff = await findStaffRole(db, actor.id);
	if (staff?.role !== 'owner') return { ok: false, code: 'forbidden' };
	const clinic = await findBillingClinic(db);
	const asOf = date === null || date === '' ? clinicToday(clinic, options.now ?? db.clock.now()) : date;
	if (asOf.length !== 10 || !isCalendarDate(asOf) || asOf < '2000-01-01' || asOf > '2999-12-31')
		return { ok: false, code: 'invalid', fields: { date: 'packageReports.error.date' } };
	const endMs = localInstant(addDays(asOf, 1), '00:00', clinic.timeZone);
	const end = new Date(endMs).toISOString();
	const sales = await db.kysely
		.selectFrom('package_sale')
		.innerJoin('patient', 'patient.id', 'package_sale.patient_id')
		.leftJoin('charge_void', 'charge_void.charge_id', 'package_sale.charge_id')
		.select(['package_sale.id', 'package_sale.patient_id', 'patient.patient_number', 'patient.family_name', 'patient.given_name', 'charge_void.voided_at'])
		.where('package_sale.sold_at', '<', end)
		.orderBy('package_sale.sold_at')
		.orderBy('package_sale.id')
		.execute();
	const rows: PackageReportRow[] = [];
	for (const sale of sales) {
		if (sale.voided_at !== null && sale.voided_at < end) continue;
		const pkg = await loadPackage(db, sale.id);
		if (!pkg) continue;
		const figures = courseFiguresAt(pkg.terms, pkg.entries, endMs, asOf, pkg.sale.expires_on);
		if (!figures) continue;
		rows.push({
			saleId: sale.id,
			patientId: sale.patient_id,
			patientNumber: sale.patient_number,
			patientName: `${sale.family_name} ${sale.given_name}`.trim(),
			nameJa: pkg.sale.name_ja,
			nameEn: pkg.sale.name_en,
			soldOn: pkg.sale.sold_on,
			validThrough: lastValidDay(pkg.sale.expires_on),
			...figures
		});
	}
	const totals = totalFigures(rows);
	await recordAudit(db, actor, {
		action: 'package.report_read',
		entityType: 'clinic',
		entityId: clinic.id,
		detail: { asOf, courses: rows.length, liabilityJpy: totals.liabilityJpy }
	});
	return { ok: true, report: { asOf, rows, totals } };
}

/** The report's rows as the CSV has them, the totals row last. `words` gives the status and the totals label. */
export function packageReportCsvRows(
	report: PackageReport,
	locale: 'ja' | 'en',
	words: { status: (s: CourseFigures['status']) => string; total: string }
): (string | number | null)[][] {
	const figures = (f: Omit<CourseFigures, 'status'>) => [
		f.visitCount,
		f.priceJpy,
		f.paidJpy,
		f.usedVisits,
		f.expiredVisits,
		f.refundedVisits,
		f.refundedJpy,
		f.feeJpy,
		f.remainingVisits,
		f.liabilityJpy
	];
	return [
		...report.rows.map((r) => [
			r.patientNumber,
			r.patientName,
			locale === 'ja' ? r.nameJa : r.nameEn,
			r.soldOn,
			r.validThrough,
			...figures(r),
			words.status(r.status)
		]),
		[words.total, null, String(report.totals.courses), null, null, ...figures(report.totals), null]
	];
}
