import { randomUUID } from 'node:crypto';
import type { PaymentEntry } from '../../domain/billing/payments';
import { localDate } from '../../domain/time';
import type { Db } from '../db/database';
import type {
	ChargeInsuranceCardTable,
	ChargeLineTable,
	ChargeTable,
	ChargeVoidTable,
	DoctorConsentTable,
	PaymentTable,
	ReceiptTable
} from '../db/schema-billing';
import type { ChargeHomeVisitTable } from '../db/schema-jukyo-month';
import type { Insertable, Selectable } from 'kysely';
import { findPatient } from '../patients/patient-repository';
import { getClinic } from '../clinic/clinic-repository';

/*
 * The billing tables' one writer (docs/architecture.md, "One owner per table"): charges and their
 * lines, card, home visit and void, payments, receipts and their counter, doctors' consents. Every
 * use case that changes them — billing's own, the fees of cancellation-policy/, the course and plan
 * sales of packages/ — calls these functions with its transaction. Below them, the billing
 * module's reads that more than one use case needs.
 */

export interface BillingClinic {
	id: string;
	timeZone: string;
}

/** The clinic (one per install) and its time zone, which decides "today" and the receipt year. */
export async function findBillingClinic(db: Db): Promise<BillingClinic> {
	const clinic = await getClinic(db);
	return { id: clinic.id, timeZone: clinic.time_zone };
}

export function clinicToday(clinic: BillingClinic, now: Date): string {
	return localDate(now.getTime(), clinic.timeZone);
}

/** A patient record that stands on its own (not merged into another). */
export async function findBillablePatient(db: Db, patientId: string) {
	return findPatient(db, patientId, ['id', 'insurer_number', 'insurance_symbol', 'insurance_number', 'insurance_branch'], { live: true });
}

/** A patient's doctor's consents, newest signed first, or oldest first as the 申請書 and the 施術録 list them. */
export async function listConsentRows(db: Db, patientId: string, order: 'newest_first' | 'oldest_first' = 'newest_first') {
	const direction = order === 'newest_first' ? 'desc' : 'asc';
	return db.kysely
		.selectFrom('doctor_consent')
		.selectAll()
		.where('patient_id', '=', patientId)
		.orderBy('signed_on', direction)
		.orderBy('created_at', direction)
		.execute();
}

/** Whether the patient has any doctor's consent on record (an insured patient). */
export async function hasDoctorConsent(db: Db, patientId: string): Promise<boolean> {
	return (await db.kysely.selectFrom('doctor_consent').select('id').where('patient_id', '=', patientId).executeTakeFirst()) !== undefined;
}

export interface ChargeState {
	charge: Selectable<ChargeTable>;
	voided: boolean;
	/** What the patient owes: nothing once the charge is voided. */
	dueJpy: number;
	entries: PaymentEntry[];
}

/**
 * A charge with its payments. With `lock`, PostgreSQL holds the charge row until the transaction
 * ends, so two desks taking money for one charge queue instead of both passing the balance check
 * (SQLite runs one write transaction at a time anyway).
 */
export async function findChargeState(db: Db, chargeId: string, options: { lock?: boolean } = {}): Promise<ChargeState | undefined> {
	let query = db.kysely.selectFrom('charge').selectAll().where('id', '=', chargeId);
	if (options.lock && db.dialect === 'postgres') query = query.forUpdate();
	const charge = await query.executeTakeFirst();
	if (!charge) return undefined;
	const voided = (await db.kysely.selectFrom('charge_void').select('charge_id').where('charge_id', '=', chargeId).executeTakeFirst()) !== undefined;
	const rows = await db.kysely
		.selectFrom('payment')
		.select(['kind', 'method', 'amount_jpy'])
		.where('charge_id', '=', chargeId)
		.orderBy('received_at')
		.orderBy('id')
		.execute();
	return {
		charge,
		voided,
		dueJpy: voided ? 0 : charge.due_jpy,
		entries: rows.map((r) => ({ kind: r.kind, method: r.method, amountJpy: Number(r.amount_jpy) }))
	};
}

/** A charge's payments in, oldest first, and whether it was voided: what a course sale's ledger shows as paid. */
export async function salePaymentsOf(db: Db, chargeId: string) {
	const [payments, voided] = await Promise.all([
		db.kysely
			.selectFrom('payment')
			.select(['kind', 'method', 'amount_jpy', 'received_at'])
			.where('charge_id', '=', chargeId)
			.where('kind', '=', 'payment')
			.orderBy('received_at')
			.orderBy('id')
			.execute(),
		db.kysely.selectFrom('charge_void').select('charge_id').where('charge_id', '=', chargeId).executeTakeFirst()
	]);
	return { payments, voided: voided !== undefined };
}

/** The money taken and given back in [from, to), each row with its charge, so a capability can total its own sales. */
export async function paymentsReceivedBetween(db: Db, from: string, to: string) {
	return db.kysely.selectFrom('payment').select(['charge_id', 'kind', 'amount_jpy']).where('received_at', '>=', from).where('received_at', '<', to).execute();
}

/** The visit a charge is for and who pays it; undefined for an unknown charge. */
export async function findChargeVisit(db: Db, chargeId: string) {
	return db.kysely.selectFrom('charge').select(['appointment_id', 'payer']).where('id', '=', chargeId).executeTakeFirst();
}

/** The name of a charge's first line, in both languages. */
export async function firstChargeLineName(db: Db, chargeId: string) {
	return db.kysely.selectFrom('charge_line').select(['name_ja', 'name_en']).where('charge_id', '=', chargeId).orderBy('position').executeTakeFirst();
}

/** The insurance fee lines (初検料, 施術料, 電療料 …) of charges, in their printed order: what the 申請書, the 施術報告書 and the 受領委任 施術録 count. */
export async function insuranceFeeLinesOf(db: Db, chargeIds: readonly string[]) {
	if (chargeIds.length === 0) return [];
	return db.kysely
		.selectFrom('charge_line')
		.select(['charge_id', 'code', 'name_ja', 'quantity', 'amount_jpy'])
		.where('kind', '=', 'insurance_fee')
		.where('charge_id', 'in', chargeIds)
		.orderBy('charge_id')
		.orderBy('position')
		.execute();
}

/** Of the visits given, those with a charge that is not voided (the desk's "charged"). */
export async function chargedAppointmentIds(db: Db, appointmentIds: readonly string[]): Promise<string[]> {
	if (appointmentIds.length === 0) return [];
	const rows = await db.kysely
		.selectFrom('charge')
		.leftJoin('charge_void', 'charge_void.charge_id', 'charge.id')
		.select('charge.appointment_id')
		.where('charge.appointment_id', 'in', appointmentIds)
		.where('charge_void.charge_id', 'is', null)
		.execute();
	return rows.flatMap((c) => (c.appointment_id ? [c.appointment_id] : []));
}

/** Service days, clinic-local: on or after `from`, on or before `through`, before `before` (each optional). */
export interface ServiceDays {
	from?: string;
	through?: string;
	before?: string;
}

/**
 * A patient's insured charges that are not voided, on the service days given, by day and then as
 * made: the visits the 申請書, the 施術報告書, the 施術録 and the month's confirmation count.
 */
export async function liveInsuredChargesOf(db: Db, patientId: string, days: ServiceDays = {}) {
	return liveInsuredCharges(db, patientId, days)
		.select(['c.id', 'c.appointment_id', 'c.service_date', 'c.insurance_fee_jpy', 'c.patient_share_jpy'])
		.orderBy('c.service_date')
		.orderBy('c.created_at')
		.execute();
}

/** A patient's insured charges that are not voided, on the service days given (`c`, voided as `v`). */
function liveInsuredCharges(db: Db, patientId: string, days: ServiceDays) {
	return db.kysely
		.selectFrom('charge as c')
		.leftJoin('charge_void as v', 'v.charge_id', 'c.id')
		.where('c.patient_id', '=', patientId)
		.where('c.payer', '=', 'insurance')
		.where('v.charge_id', 'is', null)
		.$if(days.from !== undefined, (q) => q.where('c.service_date', '>=', days.from!))
		.$if(days.through !== undefined, (q) => q.where('c.service_date', '<=', days.through!))
		.$if(days.before !== undefined, (q) => q.where('c.service_date', '<', days.before!));
}

/**
 * A patient's insured charges that are not voided, on the service days given, by day and then as
 * made, with what the 申請書 prints of each: the card and the eligibility check it was charged
 * under, the place of a home visit, and the practitioner who treated it.
 */
export async function insuredChargesForClaim(db: Db, patientId: string, days: ServiceDays) {
	return liveInsuredCharges(db, patientId, days)
		.leftJoin('charge_insurance_card as card', 'card.charge_id', 'c.id')
		.leftJoin('appointment as a', 'a.id', 'c.appointment_id')
		.leftJoin('practitioner as pr', 'pr.id', 'a.practitioner_id')
		.leftJoin('eligibility_check as check', 'check.id', 'card.eligibility_check_id')
		.leftJoin('charge_home_visit as home', 'home.charge_id', 'c.id')
		.select([
			'c.id',
			'c.service_date',
			'c.share_percent',
			'card.insurer_number',
			'card.insurance_symbol',
			'card.insurance_number',
			'card.insurance_branch',
			'pr.family_name_ja',
			'pr.given_name_ja',
			'pr.hari_licence',
			'pr.kyu_licence'
		])
		.select([
			'check.insurance_kind',
			'check.holder_kind',
			'check.public_payer_number',
			'check.public_recipient_number',
			'check.insurer_name',
			'check.insured_name',
			'check.insured_relation',
			'check.insured_postal_code',
			'check.insured_address',
			'check.insured_phone',
			'check.public_copay_monthly_jpy',
			'home.kind as home_kind',
			'home.tier as home_tier',
			'home.special_area',
			'home.reason as home_reason'
		])
		.orderBy('c.service_date')
		.orderBy('c.created_at')
		.execute();
}

/** The patients with an insured charge that is not voided on the service days given (each once, unordered). */
export async function patientsWithLiveInsuredCharges(db: Db, days: ServiceDays) {
	return db.kysely
		.selectFrom('charge as c')
		.innerJoin('patient as p', 'p.id', 'c.patient_id')
		.leftJoin('charge_void as v', 'v.charge_id', 'c.id')
		.select(['p.id', 'p.family_name', 'p.given_name', 'p.patient_number'])
		.distinct()
		.where('c.payer', '=', 'insurance')
		.where('v.charge_id', 'is', null)
		.$if(days.from !== undefined, (q) => q.where('c.service_date', '>=', days.from!))
		.$if(days.through !== undefined, (q) => q.where('c.service_date', '<=', days.through!))
		.$if(days.before !== undefined, (q) => q.where('c.service_date', '<', days.before!))
		.execute();
}

/** The insurer numbers the insured charges (not voided) of the service days go to: the charge's card, else the patient's record. */
export async function insurersOfLiveInsuredCharges(db: Db, days: ServiceDays) {
	return db.kysely
		.selectFrom('charge as c')
		.leftJoin('charge_insurance_card as card', 'card.charge_id', 'c.id')
		.innerJoin('patient as p', 'p.id', 'c.patient_id')
		.select(['card.insurer_number as cardInsurer', 'p.insurer_number as patientInsurer'])
		.where('c.payer', '=', 'insurance')
		.$if(days.from !== undefined, (q) => q.where('c.service_date', '>=', days.from!))
		.$if(days.through !== undefined, (q) => q.where('c.service_date', '<=', days.through!))
		.$if(days.before !== undefined, (q) => q.where('c.service_date', '<', days.before!))
		.where(({ not, exists, selectFrom }) => not(exists(selectFrom('charge_void').select('charge_id').whereRef('charge_void.charge_id', '=', 'c.id'))))
		.execute();
}

/* The writes. Charges, lines, voids, payments and receipts are never updated or deleted (triggers on both engines). */

export async function insertCharge(tx: Db, charge: Insertable<ChargeTable>): Promise<void> {
	await tx.kysely.insertInto('charge').values(charge).execute();
}

/** A charge's lines in one statement, in their printed order (`position`). */
export async function insertChargeLines(tx: Db, lines: readonly Insertable<ChargeLineTable>[]): Promise<void> {
	await tx.kysely.insertInto('charge_line').values(lines).execute();
}

/** The card an insured charge is claimed under, as the month's eligibility check gave it. */
export async function insertChargeInsuranceCard(tx: Db, card: Insertable<ChargeInsuranceCardTable>): Promise<void> {
	await tx.kysely.insertInto('charge_insurance_card').values(card).execute();
}

/** Where an insured visit at the patient's home took place, for the 申請書. */
export async function insertChargeHomeVisit(tx: Db, visit: Insertable<ChargeHomeVisitTable>): Promise<void> {
	await tx.kysely.insertInto('charge_home_visit').values(visit).execute();
}

export interface OneLineSelfPayCharge {
	clinicId: string;
	patientId: string;
	/** The visit it belongs to (a fee); null for a sale. */
	appointmentId: string | null;
	serviceDate: string;
	/** The line's code: 'package', 'late_cancel', 'no_show' … */
	code: string;
	names: { name_ja: string; name_en: string };
	/** Tax included; the charge's self-pay total and what is due. */
	amountJpy: number;
	taxable: boolean;
	taxRatePercent: number;
	consumptionTaxJpy: number;
	/** ISO instant. */
	at: string;
	staffId: string;
}

/** A self-pay charge of one line (a fee collected, a course or a plan month sold); returns its id. */
export async function insertOneLineSelfPayCharge(tx: Db, charge: OneLineSelfPayCharge): Promise<string> {
	const chargeId = randomUUID();
	await insertCharge(tx, {
		id: chargeId,
		clinic_id: charge.clinicId,
		patient_id: charge.patientId,
		appointment_id: charge.appointmentId,
		service_date: charge.serviceDate,
		payer: 'self_pay',
		consent_id: null,
		share_percent: null,
		fee_schedule_from: null,
		insurance_fee_jpy: 0,
		patient_share_jpy: 0,
		insurer_claim_jpy: 0,
		self_pay_jpy: charge.amountJpy,
		tax_rate_percent: charge.taxRatePercent,
		consumption_tax_jpy: charge.consumptionTaxJpy,
		due_jpy: charge.amountJpy,
		created_at: charge.at,
		created_by: charge.staffId
	});
	await insertChargeLines(tx, [
		{
			id: randomUUID(),
			charge_id: chargeId,
			position: 0,
			kind: 'service',
			code: charge.code,
			service_id: null,
			...charge.names,
			quantity: 1,
			unit_price_jpy: charge.amountJpy,
			amount_jpy: charge.amountJpy,
			taxable: charge.taxable ? 1 : 0
		}
	]);
	return chargeId;
}

export async function insertChargeVoid(tx: Db, chargeVoid: Insertable<ChargeVoidTable>): Promise<void> {
	await tx.kysely.insertInto('charge_void').values(chargeVoid).execute();
}

/** A payment or a refund taken on a charge; returns its id. The caller has checked it against the ledger. */
export async function insertPayment(tx: Db, payment: Omit<Insertable<PaymentTable>, 'id'>): Promise<string> {
	const id = randomUUID();
	await tx.kysely
		.insertInto('payment')
		.values({ id, ...payment })
		.execute();
	return id;
}

/**
 * The next receipt number of the clinic's year (1 for the year's first). The counter row stays
 * locked until the caller's transaction ends, so concurrent issuers queue, and a receipt that fails
 * to save rolls its number back: the sequence has no gaps, on either engine.
 */
export async function takeReceiptNumber(tx: Db, clinicId: string, year: number): Promise<number> {
	const counter = await tx.kysely
		.insertInto('receipt_counter')
		.values({ clinic_id: clinicId, year, value: 1 })
		.onConflict((oc) => oc.columns(['clinic_id', 'year']).doUpdateSet((eb) => ({ value: eb('receipt_counter.value', '+', 1) })))
		.returning('value')
		.executeTakeFirstOrThrow();
	return Number(counter.value);
}

export async function insertReceipt(tx: Db, receipt: Insertable<ReceiptTable>): Promise<void> {
	await tx.kysely.insertInto('receipt').values(receipt).execute();
}

export async function insertDoctorConsent(tx: Db, consent: Insertable<DoctorConsentTable>): Promise<void> {
	await tx.kysely.insertInto('doctor_consent').values(consent).execute();
}

/** The first insured visit under an initial consent starts its period; a consent already started keeps its dates. */
export async function startConsentPeriod(tx: Db, consentId: string, period: { firstTreatmentOn: string; expiresOn: string }): Promise<void> {
	await tx.kysely
		.updateTable('doctor_consent')
		.set({ first_treatment_on: period.firstTreatmentOn, expires_on: period.expiresOn })
		.where('id', '=', consentId)
		.where('first_treatment_on', 'is', null)
		.execute();
}
