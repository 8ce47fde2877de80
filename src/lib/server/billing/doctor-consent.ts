import { randomUUID } from 'node:crypto';
import { daysFrom } from '../../domain/time';
import {
	CONSENT_WARNING_DAYS,
	consentExpiry,
	consentForDate,
	consentValidity,
	type ConsentValidity,
	type ConsentValidityRule
} from '../../domain/billing/doctor-consent-validity';
import { isInsuredCondition, type InsuredCondition } from '../../domain/billing/insured-conditions';
import { addDays } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { DoctorConsentTable } from '../db/schema-billing';
import { withTransaction } from '../db/transaction';
import { consentRulesInForce } from '../jukyo-claim/consent-rules';
import type { Selectable } from 'kysely';
import { clinicToday, findBillablePatient, findBillingClinic, insertDoctorConsent, listConsentRows } from './billing-repository';
import { fieldCodesFrom, type BillingFieldCodes } from './field-codes';
import { ZRecordDoctorConsentSchema } from './schemas';

export interface DoctorConsentView extends ConsentValidity {
	id: string;
	kind: 'initial' | 'renewal';
	doctorName: string;
	institution: string;
	signedOn: string;
	conditions: InsuredCondition[];
	conditionNote: string;
	firstTreatmentOn: string | null;
	/* The rest of the 同意書 (issue #19); '' or null when not recorded. */
	institutionAddress: string;
	symptoms: string;
	onsetOn: string | null;
	examinedOn: string | null;
	homeVisitNeeded: boolean;
	homeVisitReason: string;
	/** 要加療期間 as the doctor wrote it. */
	carePeriod: string;
	remarks: string;
	recordedBy: string;
	createdAt: string;
}

export type RecordDoctorConsentResult =
	| { ok: true; id: string; consent: DoctorConsentView }
	| { ok: false; code: 'invalid'; fields: BillingFieldCodes }
	| { ok: false; code: 'not_found' | 'forbidden' };

export interface BillingClock {
	now?: Date;
}

/**
 * Records a doctor's consent (同意書) for a patient. A renewal (再同意) starts its period on the day
 * it was signed unless a first treatment day is given; an initial consent starts with the first
 * insured visit under it (createChargeForAppointment sets that day).
 */
export async function recordDoctorConsent(
	db: Db,
	patientId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: BillingClock = {}
): Promise<RecordDoctorConsentResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZRecordDoctorConsentSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const data = parsed.data;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx) => {
		const today = clinicToday(await findBillingClinic(tx), now);
		const fields: BillingFieldCodes = {};
		if (data.signedOn > today) fields.signedOn = 'billing.error.dateInFuture';
		if (data.firstTreatmentOn !== null && data.firstTreatmentOn > today) fields.firstTreatmentOn = 'billing.error.dateInFuture';
		if (data.examinedOn !== null && data.examinedOn > today) fields.examinedOn = 'billing.error.dateInFuture';
		if (data.onsetOn !== null && data.onsetOn > today) fields.onsetOn = 'billing.error.dateInFuture';
		if (Object.keys(fields).length > 0) return { ok: false, code: 'invalid', fields } as const;
		if (!(await findBillablePatient(tx, patientId))) return { ok: false, code: 'not_found' } as const;

		const firstTreatmentOn = data.firstTreatmentOn ?? (data.kind === 'renewal' ? data.signedOn : null);
		const rules = await consentRulesInForce(tx);
		const row = {
			id: randomUUID(),
			patient_id: patientId,
			kind: data.kind,
			doctor_name: data.doctorName,
			institution: data.institution,
			signed_on: data.signedOn,
			conditions: JSON.stringify(data.conditions),
			condition_note: data.conditionNote,
			first_treatment_on: firstTreatmentOn,
			expires_on: firstTreatmentOn === null ? null : consentExpiry(firstTreatmentOn, rules),
			institution_address: data.institutionAddress,
			symptoms: data.symptoms,
			onset_on: data.onsetOn,
			examined_on: data.examinedOn,
			home_visit_needed: data.homeVisitNeeded ? 1 : 0,
			home_visit_reason: data.homeVisitReason,
			care_period: data.carePeriod,
			remarks: data.remarks,
			recorded_by: staffId,
			created_at: now.toISOString()
		};
		await insertDoctorConsent(tx, row);
		await recordAudit(tx, actor, {
			action: 'doctor_consent.record',
			entityType: 'doctor_consent',
			entityId: row.id,
			patientId,
			detail: { kind: data.kind, signedOn: data.signedOn, firstTreatmentOn, expiresOn: row.expires_on }
		});
		return { ok: true, id: row.id, consent: toView(row, today, rules) } as const;
	});
}

export type DoctorConsentStatusResult =
	| {
			ok: true;
			today: string;
			/** Newest signed first. */
			consents: DoctorConsentView[];
			/** The consent that covers today, or else the newest one (expired); null without any. */
			current: DoctorConsentView | null;
	  }
	| { ok: false; code: 'not_found' | 'forbidden' };

/** A patient's doctor's consents and where each stands today (clinic time). Audited: the conditions are diagnoses. */
export async function doctorConsentStatus(
	db: Db,
	patientId: string,
	actor: AuditActor,
	options: BillingClock & { today?: string } = {}
): Promise<DoctorConsentStatusResult> {
	if (actor.type !== 'staff') return { ok: false, code: 'forbidden' };
	return withTransaction(db, async (tx) => {
		const today = options.today ?? clinicToday(await findBillingClinic(tx), options.now ?? db.clock.now());
		if (!(await findBillablePatient(tx, patientId))) return { ok: false, code: 'not_found' } as const;
		const rules = await consentRulesInForce(tx);
		const consents = (await listConsentRows(tx, patientId)).map((row) => toView(row, today, rules));
		const current = consentForDate(consents, today, rules).consent;
		await recordAudit(tx, actor, {
			action: 'doctor_consent.read',
			entityType: 'patient',
			entityId: patientId,
			patientId,
			detail: { consents: consents.length }
		});
		return { ok: true, today, consents, current } as const;
	});
}

export interface ExpiringConsent {
	consentId: string;
	patientId: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
	expiresOn: string;
	daysLeft: number;
	/** A later consent (a renewal) is already on record. */
	renewed: boolean;
}

/**
 * Consents running out within the warning window (default 30 days), soonest first: for the
 * schedule and the owner's dashboard. No conditions are returned, so no clinical content is read.
 */
export async function listExpiringDoctorConsents(db: Db, options: BillingClock & { today?: string; withinDays?: number } = {}): Promise<ExpiringConsent[]> {
	const today = options.today ?? clinicToday(await findBillingClinic(db), options.now ?? db.clock.now());
	const until = addDays(today, options.withinDays ?? CONSENT_WARNING_DAYS);
	const rows = await db.kysely
		.selectFrom('doctor_consent as c')
		.innerJoin('patient as p', 'p.id', 'c.patient_id')
		.select(['c.id', 'c.patient_id', 'c.signed_on', 'c.expires_on', 'p.patient_number', 'p.family_name', 'p.given_name'])
		.select((eb) =>
			eb
				.exists(
					eb
						.selectFrom('doctor_consent as later')
						.select('later.id')
						.whereRef('later.patient_id', '=', 'c.patient_id')
						.whereRef('later.signed_on', '>', 'c.signed_on')
				)
				.as('renewed')
		)
		.where('c.expires_on', '>=', today)
		.where('c.expires_on', '<=', until)
		.where('p.merged_into_id', 'is', null)
		.orderBy('c.expires_on')
		.orderBy('p.family_name_kana')
		.execute();
	return rows.map((r) => ({
		consentId: r.id,
		patientId: r.patient_id,
		patientNumber: r.patient_number,
		familyName: r.family_name,
		givenName: r.given_name,
		expiresOn: r.expires_on!,
		daysLeft: daysFrom(today, r.expires_on!),
		renewed: Boolean(r.renewed)
	}));
}

export function toView(row: Selectable<DoctorConsentTable>, today: string, rules?: readonly ConsentValidityRule[]): DoctorConsentView {
	const conditions = (JSON.parse(row.conditions) as unknown[]).filter((c): c is InsuredCondition => typeof c === 'string' && isInsuredCondition(c));
	return {
		id: row.id,
		kind: row.kind,
		doctorName: row.doctor_name,
		institution: row.institution,
		signedOn: row.signed_on,
		conditions,
		conditionNote: row.condition_note,
		firstTreatmentOn: row.first_treatment_on,
		institutionAddress: row.institution_address,
		symptoms: row.symptoms,
		onsetOn: row.onset_on,
		examinedOn: row.examined_on,
		homeVisitNeeded: row.home_visit_needed === 1,
		homeVisitReason: row.home_visit_reason,
		carePeriod: row.care_period,
		remarks: row.remarks,
		recordedBy: row.recorded_by,
		createdAt: row.created_at,
		...consentValidity({ firstTreatmentOn: row.first_treatment_on }, today, { rules })
	};
}
