import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { consentExpiry, consentForDate, type ConsentValidityRule } from '../../domain/billing/doctor-consent-validity';
import { isInsuredCondition, type InsuredCondition } from '../../domain/billing/insured-conditions';
import { reportDecision, reportOffered, visitsPerMonth, type ConsentPeriod, type ReportDecision } from '../../domain/jukyo-claim/doctor-report';
import {
	claimMonthReportNote,
	reportFeeLanding,
	type ClaimMonthReportNote,
	type ReportFeeLanding,
	type ReportFeeLandingRefusal
} from '../../domain/jukyo-claim/report-fee-landing';
import { MEASURE_KEYS, type MeasureKey } from '../../domain/outcomes/check-in';
import { summarizeProgress } from '../../domain/outcomes/progress';
import { localInstant } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { clinicToday, findBillablePatient, findBillingClinic, insuranceFeeLinesOf, listConsentRows, liveInsuredChargesOf } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { selectCheckIns } from '../outcomes/outcome-repository';
import { listPointCodesOfSessions, listSessionTechniquesBetween, parseTechniques } from '../treatment-session/session-repository';
import { loadJukyoConsentRules } from './fee-versions';
import { claimStatusOfMonth } from './claim-month-status';
import { findPatient } from '../patients/patient-repository';
import { findStaffDisplayName, findStaffRole } from '../staff/staff-repository';

/*
 * The 施術報告書 for the consenting doctor (docs/jukyo-claim.md §9, docs/insurance.md §2): what was
 * done and how often in the consent period, the patient's course on the outcome measures the record
 * already has (the check-ins' NRS, SBI, PSFS, PGIC), and the practitioner's remarks. Offered in the
 * period's last month; issuing it is recorded (insert-only) and, as domain/jukyo-claim/doctor-report.ts
 * decides, brings the 交付料 to the month's claim once per consent period. A report whose fee would
 * reach no claim (domain/jukyo-claim/report-fee-landing.ts) is refused unless the desk chooses to
 * issue it without the fee, which the report row keeps. Every read is audited.
 */

export const REPORT_REMARKS_MAX = 2000;

export const ZIssueDoctorReportSchema = z.object({
	remarks: z.string('jukyoReport.error.remarks').trim().max(REPORT_REMARKS_MAX, 'jukyoReport.error.remarks').default(''),
	/** The desk's explicit choice to issue a report whose 交付料 cannot land, without the fee (a ticked checkbox). */
	withoutFee: z
		.unknown()
		.optional()
		.transform((v) => v === 'on' || v === true)
});

export interface ReportMeasure {
	measure: MeasureKey;
	baseline: { value: number; at: string } | null;
	latest: { value: number; at: string } | null;
}

/** What a report says, kept with it as issued. */
export interface DoctorReportContent {
	doctorName: string;
	institution: string;
	consentSignedOn: string;
	conditions: InsuredCondition[];
	symptoms: string;
	period: ConsentPeriod;
	/** Up to the day of the report. */
	visits: number;
	arts: 'single' | 'combined' | null;
	electroVisits: number;
	moxibustionSessions: number;
	electroacupunctureSessions: number;
	/** The points used most often in the period, most used first (at most eight). */
	points: string[];
	frequency: Array<{ month: string; visits: number }>;
	course: ReportMeasure[];
	practitionerName: string;
}

export interface DoctorReportView {
	id: string;
	consentId: string;
	issuedOn: string;
	feeMonth: string | null;
	/** Issued without its 交付料 by the desk's choice: why the fee could not land; null otherwise. */
	withoutFeeReason: ReportFeeLandingRefusal | null;
	remarks: string;
	content: DoctorReportContent;
	issuedByName: string;
	createdAt: string;
}

export type DoctorReportPageResult =
	| {
			ok: true;
			today: string;
			/** The consent period running today; null when none has started or covers today. */
			period: (ConsentPeriod & { consentId: string }) | null;
			offered: boolean;
			/** What issuing today would bring; null without a running period. */
			decision: ReportDecision | null;
			/** Where the 交付料 of a report issued today would go; null without a running period. */
			landing: ReportFeeLanding | null;
			draft: DoctorReportContent | null;
			reports: DoctorReportView[];
	  }
	| { ok: false; code: 'not_found' | 'forbidden' };

export type IssueDoctorReportResult =
	| { ok: true; id: string; feeApplies: boolean; feeMonth: string | null; withoutFee: ReportFeeLandingRefusal | null }
	| { ok: false; code: 'invalid'; fields: Record<string, string> }
	/** The 交付料 is due but would reach no claim, and the desk did not choose to issue without it. */
	| { ok: false; code: 'fee_cannot_land'; reason: ReportFeeLandingRefusal; month: string }
	| { ok: false; code: 'not_found' | 'forbidden' };

export async function clinicalRole(db: Db, actor: AuditActor): Promise<boolean> {
	if (actor.type !== 'staff' || !actor.id) return false;
	const staff = await findStaffRole(db, actor.id);
	return staff?.role === 'owner' || staff?.role === 'practitioner';
}

async function rulesOf(db: Db): Promise<readonly ConsentValidityRule[] | undefined> {
	const rules = await loadJukyoConsentRules(db);
	return rules.length > 0 ? rules : undefined;
}

/** The consent period running on `today`, from the patient's consents and the dated rules. */
async function runningPeriod(db: Db, patientId: string, today: string, rules: readonly ConsentValidityRule[] | undefined) {
	const rows = await listConsentRows(db, patientId);
	const facts = rows.map((r) => ({ id: r.id, signedOn: r.signed_on, firstTreatmentOn: r.first_treatment_on, row: r }));
	const cover = consentForDate(facts, today, rules);
	if (!cover.covered || cover.startsPeriod || cover.consent.firstTreatmentOn === null) return null;
	const period = { consentId: cover.consent.id, startsOn: cover.consent.firstTreatmentOn, expiresOn: consentExpiry(cover.consent.firstTreatmentOn, rules) };
	return { period, consent: cover.consent.row };
}

/** Where the fee of a report given on `today` in `period` would go: the month's insured visits and its 申請書's status. */
async function landingOf(db: Db, patientId: string, period: ConsentPeriod, today: string, decision: ReportDecision): Promise<ReportFeeLanding> {
	const month = today.slice(0, 7);
	const visits = await liveInsuredChargesOf(db, patientId, { from: `${month}-01`, through: today });
	return reportFeeLanding({
		issuedOn: today,
		period,
		feeDue: decision.feeApplies,
		insuredVisits: visits.map((v) => v.service_date),
		claimStatus: await claimStatusOfMonth(db, patientId, month)
	});
}

async function paidReports(db: Db, patientId: string) {
	const rows = await db.kysely
		.selectFrom('jukyo_doctor_report')
		.select(['fee_month', 'consent_id'])
		.where('patient_id', '=', patientId)
		.where('fee_month', 'is not', null)
		.execute();
	return rows.map((r) => ({ month: r.fee_month!, consentId: r.consent_id }));
}

/** The report's content from the records of the period up to `today`. */
async function reportContent(
	db: Db,
	patientId: string,
	consent: { doctor_name: string; institution: string; signed_on: string; conditions: string; symptoms: string; condition_note: string },
	period: ConsentPeriod,
	today: string,
	now: Date,
	timeZone: string,
	practitionerName: string
): Promise<DoctorReportContent> {
	const charges = await liveInsuredChargesOf(db, patientId, { from: period.startsOn, through: today });
	const lines = await insuranceFeeLinesOf(
		db,
		charges.map((c) => c.id)
	);
	const from = new Date(localInstant(period.startsOn, '00:00', timeZone)).toISOString();
	const sessions = await listSessionTechniquesBetween(db, patientId, from, now.toISOString());
	const points = await listPointCodesOfSessions(
		db,
		sessions.map((s) => s.id)
	);
	const pointCounts = new Map<string, number>();
	for (const p of points) pointCounts.set(p.code, (pointCounts.get(p.code) ?? 0) + 1);
	const techniques = sessions.map((s) => parseTechniques(s.techniques));
	const checkIns = (await selectCheckIns(db, patientId)).filter((c) => c.recordedAt <= now.toISOString());
	const progress = summarizeProgress(checkIns, [], now);
	const dates = charges.map((c) => c.service_date);
	const combined = lines.some((l) => l.code.endsWith('_combined'));
	const single = lines.some((l) => l.code.endsWith('_single'));
	return {
		doctorName: consent.doctor_name,
		institution: consent.institution,
		consentSignedOn: consent.signed_on,
		conditions: (JSON.parse(consent.conditions) as string[]).filter(isInsuredCondition),
		symptoms: consent.symptoms || consent.condition_note,
		period,
		visits: new Set(dates).size,
		arts: combined ? 'combined' : single ? 'single' : null,
		electroVisits: new Set(lines.filter((l) => l.code === 'electro').map((l) => l.charge_id)).size,
		moxibustionSessions: techniques.filter((t) => t.moxibustion).length,
		electroacupunctureSessions: techniques.filter((t) => t.electroacupuncture).length,
		points: [...pointCounts.entries()]
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.slice(0, 8)
			.map(([code]) => code),
		frequency: visitsPerMonth(dates, period.startsOn.slice(0, 7), today.slice(0, 7)),
		course: MEASURE_KEYS.map((measure) => {
			const m = progress.measures[measure];
			return {
				measure,
				baseline: m.baseline && { value: m.baseline.value, at: m.baseline.at },
				latest: m.latest && { value: m.latest.value, at: m.latest.at }
			};
		}),
		practitionerName
	};
}

async function listReports(db: Db, patientId: string): Promise<DoctorReportView[]> {
	const rows = await db.kysely
		.selectFrom('jukyo_doctor_report as r')
		.leftJoin('staff as s', 's.id', 'r.issued_by')
		.selectAll('r')
		.select('s.display_name')
		.where('r.patient_id', '=', patientId)
		.orderBy('r.issued_on', 'desc')
		.orderBy('r.created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		consentId: r.consent_id,
		issuedOn: r.issued_on,
		feeMonth: r.fee_month,
		withoutFeeReason: (r.without_fee_reason as ReportFeeLandingRefusal | null) ?? null,
		remarks: r.remarks,
		content: JSON.parse(r.content) as DoctorReportContent,
		issuedByName: r.display_name ?? '',
		createdAt: r.created_at
	}));
}

async function staffName(db: Db, staffId: string): Promise<string> {
	const row = await findStaffDisplayName(db, staffId);
	return row?.display_name ?? '';
}

/** The report page: the running period, whether the report is offered today and what it would say, and the reports given. */
export async function doctorReportPage(db: Db, patientId: string, actor: AuditActor, options: { now?: Date } = {}): Promise<DoctorReportPageResult> {
	if (!(await clinicalRole(db, actor))) return { ok: false, code: 'forbidden' };
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx) => {
		if (!(await findBillablePatient(tx, patientId))) return { ok: false, code: 'not_found' } as const;
		const clinic = await findBillingClinic(tx);
		const today = clinicToday(clinic, now);
		const rules = await rulesOf(tx);
		const running = await runningPeriod(tx, patientId, today, rules);
		const reports = await listReports(tx, patientId);
		let decision: ReportDecision | null = null;
		let landing: ReportFeeLanding | null = null;
		let draft: DoctorReportContent | null = null;
		if (running) {
			decision = reportDecision(running.period.consentId, running.period, today, await paidReports(tx, patientId));
			landing = await landingOf(tx, patientId, running.period, today, decision);
			draft = await reportContent(tx, patientId, running.consent, running.period, today, now, clinic.timeZone, await staffName(tx, actor.id!));
		}
		await recordAudit(tx, actor, { action: 'jukyo_report.read', entityType: 'patient', entityId: patientId, patientId, detail: { reports: reports.length } });
		return {
			ok: true,
			today,
			period: running?.period ?? null,
			offered: running ? reportOffered(running.period, today) : false,
			decision,
			landing,
			draft,
			reports
		} as const;
	});
}

/** Issues the report today: inserted (never changed), audited, with the 交付料 when the rule gives it. */
export async function issueDoctorReport(
	db: Db,
	patientId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<IssueDoctorReportResult> {
	if (!(await clinicalRole(db, actor))) return { ok: false, code: 'forbidden' };
	const parsed = ZIssueDoctorReportSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: { remarks: 'jukyoReport.error.remarks' } };
	const { remarks, withoutFee } = parsed.data;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx) => {
		if (!(await findBillablePatient(tx, patientId))) return { ok: false, code: 'not_found' } as const;
		const clinic = await findBillingClinic(tx);
		const today = clinicToday(clinic, now);
		const rules = await rulesOf(tx);
		const running = await runningPeriod(tx, patientId, today, rules);
		if (!running) return { ok: false, code: 'invalid', fields: { _: 'jukyoReport.error.noPeriod' } } as const;
		const decision = reportDecision(running.period.consentId, running.period, today, await paidReports(tx, patientId));
		// A fee that would reach no claim is not lost silently: refused unless the desk chose to issue without it (docs/jukyo-claim.md §9).
		const landing = await landingOf(tx, patientId, running.period, today, decision);
		if (landing.kind === 'cannot_land' && !withoutFee) return { ok: false, code: 'fee_cannot_land', reason: landing.reason, month: landing.month } as const;
		const withoutFeeReason = landing.kind === 'cannot_land' ? landing.reason : null;
		const content = await reportContent(tx, patientId, running.consent, running.period, today, now, clinic.timeZone, await staffName(tx, actor.id!));
		const id = randomUUID();
		const feeMonth = landing.kind === 'lands' ? landing.month : null;
		await tx.kysely
			.insertInto('jukyo_doctor_report')
			.values({
				id,
				patient_id: patientId,
				consent_id: running.period.consentId,
				issued_on: today,
				fee_month: feeMonth,
				without_fee_reason: withoutFeeReason,
				content: JSON.stringify(content),
				remarks,
				issued_by: actor.id!,
				created_at: now.toISOString()
			})
			.execute();
		await recordAudit(tx, actor, {
			action: 'jukyo_report.issue',
			entityType: 'jukyo_doctor_report',
			entityId: id,
			patientId,
			detail: { consentId: running.period.consentId, issuedOn: today, feeMonth, refusal: decision.refusal, withoutFee: withoutFeeReason }
		});
		return { ok: true, id, feeApplies: feeMonth !== null, feeMonth, withoutFee: withoutFeeReason } as const;
	});
}

/** One issued report, for its PDF; null when the patient or the report is unknown. Audited. */
export async function findDoctorReport(
	db: Db,
	patientId: string,
	reportId: string,
	actor: AuditActor
): Promise<
	{ ok: true; report: DoctorReportView; patient: { name: string; kana: string; birthDate: string | null } } | { ok: false; code: 'not_found' | 'forbidden' }
> {
	if (!(await clinicalRole(db, actor))) return { ok: false, code: 'forbidden' };
	const patient = await findPatient(db, patientId, ['family_name', 'given_name', 'family_name_kana', 'given_name_kana', 'date_of_birth'], { live: true });
	if (!patient) return { ok: false, code: 'not_found' };
	const report = (await listReports(db, patientId)).find((r) => r.id === reportId);
	if (!report) return { ok: false, code: 'not_found' };
	await recordAudit(db, actor, { action: 'jukyo_report.pdf', entityType: 'jukyo_doctor_report', entityId: reportId, patientId });
	return {
		ok: true,
		report,
		patient: {
			name: `${patient.family_name} ${patient.given_name}`.trim(),
			kana: `${patient.family_name_kana} ${patient.given_name_kana}`.trim(),
			birthDate: patient.date_of_birth
		}
	};
}

/**
 * The 交付料 a month's claim carries: the day of the report whose fee falls in the month (null
 * without one), and the month of the previous 交付料 for 「前回支給」. For claim-records.ts.
 */
export async function reportFeeOfMonth(db: Db, patientId: string, month: string): Promise<{ issuedOn: string | null; previousMonth: string | null }> {
	const rows = await db.kysely
		.selectFrom('jukyo_doctor_report')
		.select(['issued_on', 'fee_month'])
		.where('patient_id', '=', patientId)
		.where('fee_month', 'is not', null)
		.where('fee_month', '<=', month)
		.orderBy('fee_month', 'desc')
		.execute();
	const inMonth = rows.find((r) => r.fee_month === month);
	const previous = rows.find((r) => r.fee_month! < month);
	return { issuedOn: inMonth?.issued_on ?? null, previousMonth: previous?.fee_month ?? null };
}

/**
 * For the month's 申請書 on the claims page: when the month is the last of one of the patient's
 * consent periods, whether the report was given in that period and whether a 交付料 is on this
 * claim (docs/jukyo-claim.md §9); null for any other month. The claims page audits its reading.
 */
export async function reportNoteOfClaimMonth(
	db: Db,
	patientId: string,
	month: string,
	consentRules: readonly ConsentValidityRule[]
): Promise<ClaimMonthReportNote | null> {
	const rules = consentRules.length > 0 ? consentRules : undefined;
	const periods = (await listConsentRows(db, patientId)).flatMap((r) =>
		r.first_treatment_on === null ? [] : [{ consentId: r.id, startsOn: r.first_treatment_on, expiresOn: consentExpiry(r.first_treatment_on, rules) }]
	);
	if (!periods.some((p) => p.expiresOn.slice(0, 7) === month)) return null;
	const reports = await db.kysely
		.selectFrom('jukyo_doctor_report')
		.select(['consent_id', 'issued_on', 'fee_month', 'without_fee_reason'])
		.where('patient_id', '=', patientId)
		.execute();
	return claimMonthReportNote(
		month,
		periods,
		reports.map((r) => ({
			consentId: r.consent_id,
			issuedOn: r.issued_on,
			feeMonth: r.fee_month,
			withoutFeeReason: (r.without_fee_reason as ReportFeeLandingRefusal | null) ?? null
		}))
	);
}
