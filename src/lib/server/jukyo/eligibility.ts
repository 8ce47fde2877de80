import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import {
	eligibilityForVisit,
	eligibilityWarning,
	sharePercentFor,
	type BenefitPercent,
	type EligibilityRefusal,
	type EligibilityCover,
	type EligibilityFacts,
	type EligibilityWarning
} from '../../domain/jukyo/eligibility';
import { localDate } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { clinicToday, findBillablePatient, findBillingClinic, hasDoctorConsent } from '../billing/billing-repository';
import { appointmentBelongsTo } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import type { EligibilityCheckTable } from '../db/schema-jukyo';
import { withTransaction } from '../db/transaction';
import { insertEligibilityCheck } from './jukyo-repository';
import { jukyoFieldCodes, ZEligibilityCheckSchema, type JukyoFieldCodes } from './schemas';
import { findStaffDisplayName } from '../staff/staff-repository';
import { clinicTimeZone } from '../clinic/clinic-settings';

/*
 * Eligibility checks (資格確認) at the desk (issue #19, docs/jukyo-inin.md §3): how the patient's
 * insurance was confirmed for the month's insured visits, with the fields it gave. No images are
 * kept. A check is never changed: a later one supersedes it.
 */

export interface EligibilityCheckView extends EligibilityFacts {
	patientId: string;
	appointmentId: string | null;
	insuranceKind: Selectable<EligibilityCheckTable>['insurance_kind'];
	holderKind: Selectable<EligibilityCheckTable>['holder_kind'];
	insurerNumber: string;
	insuranceSymbol: string;
	insuranceNumber: string;
	insuranceBranch: string;
	validFrom: string | null;
	publicPayerNumber: string;
	publicRecipientNumber: string;
	note: string;
	insurerName: string;
	/** What the patient pays under the 公費 in a month; null when not recorded. */
	publicCopayMonthlyJpy: number | null;
	/** The 被保険者 of a family member's check (empty strings otherwise). */
	insured: { name: string; relation: string; postalCode: string; address: string; phone: string };
	recordedBy: string;
	recordedByName: string;
}

export type RecordEligibilityResult =
	{ ok: true; check: EligibilityCheckView } | { ok: false; code: 'invalid'; fields: JukyoFieldCodes } | { ok: false; code: 'not_found' | 'forbidden' };

/** Records a check for a patient; the day is clinic-local and may not lie in the future. */
export async function recordEligibilityCheck(
	db: Db,
	patientId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<RecordEligibilityResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZEligibilityCheckSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: jukyoFieldCodes(parsed.error) };
	const data = parsed.data;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<RecordEligibilityResult> => {
		const today = clinicToday(await findBillingClinic(tx), now);
		if (data.checkedOn > today) return { ok: false, code: 'invalid', fields: { checkedOn: 'jukyoRegistration.error.dateInFuture' } };
		if (!(await findBillablePatient(tx, patientId))) return { ok: false, code: 'not_found' };
		if (data.appointmentId !== null) {
			if (!(await appointmentBelongsTo(tx, data.appointmentId, patientId)))
				return { ok: false, code: 'invalid', fields: { appointmentId: 'jukyoRegistration.error.appointment' } };
		}
		const row = {
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: data.appointmentId,
			checked_on: data.checkedOn,
			checked_at: now.toISOString(),
			method: data.method,
			result: data.result,
			insurance_kind: data.insuranceKind,
			holder_kind: data.holderKind,
			benefit_percent: data.benefitPercent,
			insurer_number: data.insurerNumber,
			insurance_symbol: data.insuranceSymbol,
			insurance_number: data.insuranceNumber,
			insurance_branch: data.insuranceBranch,
			valid_from: data.validFrom,
			valid_until: data.validUntil,
			public_payer_number: data.publicPayerNumber,
			public_recipient_number: data.publicRecipientNumber,
			note: data.note,
			insurer_name: data.insurerName,
			insured_name: data.insuredName,
			insured_relation: data.insuredRelation,
			insured_postal_code: data.insuredPostalCode,
			insured_address: data.insuredAddress,
			insured_phone: data.insuredPhone,
			public_copay_monthly_jpy: data.publicCopayMonthlyJpy,
			recorded_by: staffId,
			created_at: now.toISOString()
		};
		await insertEligibilityCheck(tx, row);
		await recordAudit(tx, actor, {
			action: 'eligibility_check.record',
			entityType: 'eligibility_check',
			entityId: row.id,
			patientId,
			detail: { method: data.method, result: data.result, checkedOn: data.checkedOn }
		});
		const name = await findStaffDisplayName(tx, staffId);
		return { ok: true, check: toView({ ...row, recorded_by_name: name?.display_name ?? '' }) };
	});
}

type CheckRow = Selectable<EligibilityCheckTable> & { recorded_by_name: string };

function toView(row: CheckRow): EligibilityCheckView {
	return {
		id: row.id,
		patientId: row.patient_id,
		appointmentId: row.appointment_id,
		checkedOn: row.checked_on,
		checkedAt: row.checked_at,
		method: row.method,
		result: row.result,
		insuranceKind: row.insurance_kind,
		holderKind: row.holder_kind,
		benefitPercent: (row.benefit_percent ?? 0) as BenefitPercent,
		insurerNumber: row.insurer_number,
		insuranceSymbol: row.insurance_symbol,
		insuranceNumber: row.insurance_number,
		insuranceBranch: row.insurance_branch,
		validFrom: row.valid_from,
		validUntil: row.valid_until,
		publicPayerNumber: row.public_payer_number,
		publicRecipientNumber: row.public_recipient_number,
		note: row.note,
		insurerName: row.insurer_name,
		publicCopayMonthlyJpy: row.public_copay_monthly_jpy,
		insured: {
			name: row.insured_name,
			relation: row.insured_relation,
			postalCode: row.insured_postal_code,
			address: row.insured_address,
			phone: row.insured_phone
		},
		recordedBy: row.recorded_by,
		recordedByName: row.recorded_by_name
	};
}

/** A patient's checks, newest first: for create-charge and the claim generator (no audit: the caller audits). */
export async function eligibilityChecksOf(db: Db, patientId: string): Promise<EligibilityCheckView[]> {
	const rows = await db.kysely
		.selectFrom('eligibility_check as c')
		.leftJoin('staff as s', 's.id', 'c.recorded_by')
		.selectAll('c')
		.select('s.display_name as recorded_by_name')
		.where('c.patient_id', '=', patientId)
		.orderBy('c.checked_on', 'desc')
		.orderBy('c.checked_at', 'desc')
		.execute();
	return rows.map((r) => toView({ ...r, recorded_by_name: r.recorded_by_name ?? '' }));
}

/** The check an insured visit of the patient on `date` relies on, or why there is none. */
export async function eligibilityForPatientVisit(db: Db, patientId: string, date: string): Promise<EligibilityCover<EligibilityCheckView>> {
	return eligibilityForVisit(await eligibilityChecksOf(db, patientId), date);
}

/** The patient's checks and where the month stands, for the insurance page. Audited: insurance data. */
export async function eligibilityStatus(db: Db, patientId: string, actor: AuditActor, options: { now?: Date; today?: string } = {}) {
	if (actor.type !== 'staff') return { ok: false, code: 'forbidden' } as const;
	return withTransaction(db, async (tx) => {
		const today = options.today ?? clinicToday(await findBillingClinic(tx), options.now ?? db.clock.now());
		if (!(await findBillablePatient(tx, patientId))) return { ok: false, code: 'not_found' } as const;
		const checks = await eligibilityChecksOf(tx, patientId);
		await recordAudit(tx, actor, {
			action: 'eligibility_check.read',
			entityType: 'patient',
			entityId: patientId,
			patientId,
			detail: { checks: checks.length }
		});
		return { ok: true, today, checks, cover: eligibilityForVisit(checks, today), warning: eligibilityWarning(checks, today) } as const;
	});
}

/** Expiring or expired cards and certificates for the patients of a schedule or chart: one query, dates only. */
export async function eligibilityWarningsForPatients(
	db: Db,
	patientIds: readonly string[],
	options: { today?: string; now?: Date } = {}
): Promise<Map<string, EligibilityWarning>> {
	const warnings = new Map<string, EligibilityWarning>();
	if (patientIds.length === 0) return warnings;
	const timeZone = await clinicTimeZone(db);
	const today = options.today ?? localDate((options.now ?? db.clock.now()).getTime(), timeZone);
	const rows = await db.kysely
		.selectFrom('eligibility_check')
		.select(['patient_id', 'checked_on', 'checked_at', 'valid_until'])
		.where('patient_id', 'in', [...patientIds])
		.execute();
	const byPatient = new Map<string, Array<{ checkedOn: string; checkedAt: string; validUntil: string | null }>>();
	for (const r of rows)
		byPatient.set(r.patient_id, [...(byPatient.get(r.patient_id) ?? []), { checkedOn: r.checked_on, checkedAt: r.checked_at, validUntil: r.valid_until }]);
	for (const [patientId, checks] of byPatient) {
		const warning = eligibilityWarning(checks, today);
		if (warning) warnings.set(patientId, warning);
	}
	return warnings;
}

export interface VisitEligibility {
	/** The patient is insured at the clinic: a doctor's consent or an earlier check is on record. */
	insuredPatient: boolean;
	covered: boolean;
	reason: EligibilityRefusal | null;
	checkedOn: string | null;
	/** The patient's share from the check's 給付割合, when the charge rules know it. */
	sharePercent: 10 | 20 | 30 | null;
	warning: EligibilityWarning | null;
}

/**
 * Whether an insured charge of the patient's visit on `date` has its eligibility check: what the
 * desk is asked at the month's first insured visit. Audited: it reads the patient's insurance.
 */
export async function visitEligibility(db: Db, patientId: string, date: string, actor: AuditActor): Promise<VisitEligibility> {
	return withTransaction(db, async (tx) => {
		const checks = await eligibilityChecksOf(tx, patientId);
		const consented = await hasDoctorConsent(tx, patientId);
		const cover = eligibilityForVisit(checks, date);
		await recordAudit(tx, actor, {
			action: 'eligibility_check.read',
			entityType: 'patient',
			entityId: patientId,
			patientId,
			detail: { date, covered: cover.covered }
		});
		return {
			insuredPatient: consented || checks.length > 0,
			covered: cover.covered,
			reason: cover.covered ? null : cover.reason,
			checkedOn: cover.record?.checkedOn ?? null,
			sharePercent: cover.covered ? sharePercentFor(cover.record.benefitPercent) : null,
			warning: eligibilityWarning(checks, date)
		};
	});
}
