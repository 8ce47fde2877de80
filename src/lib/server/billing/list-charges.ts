import { addDays, localInstant } from '../../domain/time';
import type { PaymentMethod } from '../../domain/billing/payments';
import type { Db } from '../db/database';
import { clinicToday, findBillingClinic } from './billing-repository';
import type { DeskViewer } from './desk-access';
import { mayHandleMoney } from './desk-access';

export interface ChargeListRow {
	id: string;
	serviceDate: string;
	payer: 'self_pay' | 'insurance';
	patient: { id: string; patientNumber: string | null; familyName: string; givenName: string };
	practitioner: { nameJa: string; nameEn: string } | null;
	dueJpy: number;
	receivedJpy: number;
	voided: boolean;
}

/**
 * Charges for visits on one clinic day, newest first, with what has been received on each. A
 * practitioner sees only the charges of the visits they treated.
 */
export async function listChargesOfDay(db: Db, date: string, viewer: DeskViewer): Promise<ChargeListRow[]> {
	let query = db.kysely
		.selectFrom('charge as c')
		.innerJoin('patient as p', 'p.id', 'c.patient_id')
		.leftJoin('appointment as a', 'a.id', 'c.appointment_id')
		.leftJoin('practitioner as pr', 'pr.id', 'a.practitioner_id')
		.leftJoin('charge_void as v', 'v.charge_id', 'c.id')
		.select([
			'c.id',
			'c.service_date',
			'c.payer',
			'c.due_jpy',
			'c.created_at',
			'v.charge_id as voided_id',
			'p.id as patient_id',
			'p.patient_number',
			'p.family_name',
			'p.given_name'
		])
		.select(['pr.family_name_ja', 'pr.given_name_ja', 'pr.family_name_en', 'pr.given_name_en'])
		.select((eb) => [
			eb
				.selectFrom('payment')
				.select((e) => e.fn.sum<number | string>(e.case().when('kind', '=', 'refund').then(e.neg('amount_jpy')).else(e.ref('amount_jpy')).end()).as('net'))
				.whereRef('payment.charge_id', '=', 'c.id')
				.as('received')
		])
		.where('c.service_date', '=', date);
	if (!mayHandleMoney(viewer)) query = query.where('pr.staff_id', '=', viewer.id);
	const rows = await query.orderBy('c.created_at', 'desc').orderBy('c.id').execute();
	return rows.map((r) => ({
		id: r.id,
		serviceDate: r.service_date,
		payer: r.payer,
		patient: { id: r.patient_id, patientNumber: r.patient_number, familyName: r.family_name, givenName: r.given_name },
		practitioner: r.family_name_ja === null ? null : { nameJa: `${r.family_name_ja} ${r.given_name_ja}`, nameEn: `${r.given_name_en} ${r.family_name_en}` },
		dueJpy: r.voided_id ? 0 : r.due_jpy,
		receivedJpy: Number(r.received ?? 0),
		voided: r.voided_id !== null
	}));
}

export interface DayEntry {
	id: string;
	chargeId: string;
	kind: 'payment' | 'refund';
	method: PaymentMethod;
	amountJpy: number;
	receivedAt: string;
	reason: string;
	patient: { patientNumber: string | null; familyName: string; givenName: string };
}

/** Every payment and refund taken on one clinic day, in order, and how many receipts were issued. */
export async function listDayEntries(db: Db, date: string): Promise<{ entries: DayEntry[]; receipts: number; reissues: number }> {
	const clinic = await findBillingClinic(db);
	const from = new Date(localInstant(date, '00:00', clinic.timeZone)).toISOString();
	const to = new Date(localInstant(addDays(date, 1), '00:00', clinic.timeZone)).toISOString();
	const [rows, receipts] = await Promise.all([
		db.kysely
			.selectFrom('payment as m')
			.innerJoin('patient as p', 'p.id', 'm.patient_id')
			.select(['m.id', 'm.charge_id', 'm.kind', 'm.method', 'm.amount_jpy', 'm.received_at', 'm.reason', 'p.patient_number', 'p.family_name', 'p.given_name'])
			.where('m.received_at', '>=', from)
			.where('m.received_at', '<', to)
			.orderBy('m.received_at')
			.orderBy('m.id')
			.execute(),
		db.kysely
			.selectFrom('receipt')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.count('reissue_of').as('reissues')])
			.where('issued_at', '>=', from)
			.where('issued_at', '<', to)
			.executeTakeFirstOrThrow()
	]);
	return {
		entries: rows.map((r) => ({
			id: r.id,
			chargeId: r.charge_id,
			kind: r.kind,
			method: r.method,
			amountJpy: r.amount_jpy,
			receivedAt: r.received_at,
			reason: r.reason,
			patient: { patientNumber: r.patient_number, familyName: r.family_name, givenName: r.given_name }
		})),
		receipts: Number(receipts.n),
		reissues: Number(receipts.reissues)
	};
}

/** Today at the desk, in the clinic's time zone. */
export async function deskToday(db: Db, now = db.clock.now()): Promise<string> {
	return clinicToday(await findBillingClinic(db), now);
}
