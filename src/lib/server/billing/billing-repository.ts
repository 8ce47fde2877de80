import type { PaymentEntry } from '../../domain/billing/payments';
import { localDate } from '../../domain/time';
import type { Db } from '../db/database';
import type { ChargeTable } from '../db/schema-billing';
import type { Selectable } from 'kysely';
import { findPatient } from '../patients/patient-repository';

/* The billing module's reads that more than one use case needs. */

export interface BillingClinic {
	id: string;
	timeZone: string;
}

/** The clinic (one per install) and its time zone, which decides "today" and the receipt year. */
export async function findBillingClinic(db: Db): Promise<BillingClinic> {
	const clinic = await db.kysely.selectFrom('clinic').select(['id', 'time_zone']).orderBy('id').executeTakeFirstOrThrow();
	return { id: clinic.id, timeZone: clinic.time_zone };
}

export function clinicToday(clinic: BillingClinic, now: Date): string {
	return localDate(now.getTime(), clinic.timeZone);
}

/** A patient record that stands on its own (not merged into another). */
export async function findBillablePatient(db: Db, patientId: string) {
	return findPatient(db, patientId, ['id', 'insurer_number', 'insurance_symbol', 'insurance_number', 'insurance_branch'], { live: true });
}

export async function listConsentRows(db: Db, patientId: string) {
	return db.kysely
		.selectFrom('doctor_consent')
		.selectAll()
		.where('patient_id', '=', patientId)
		.orderBy('signed_on', 'desc')
		.orderBy('created_at', 'desc')
		.execute();
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
