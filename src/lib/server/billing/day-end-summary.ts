import { PAYMENT_METHODS, type PaymentMethod } from '../../domain/billing/payments';
import { addDays, localInstant } from '../../domain/time';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findBillingClinic } from './billing-repository';
import { fieldCodesFrom, type BillingFieldCodes } from './field-codes';
import { ZDayEndSchema } from './schemas';

export interface MethodSummary {
	method: PaymentMethod;
	payments: number;
	paidJpy: number;
	refunds: number;
	refundedJpy: number;
	/** Paid minus refunded: for cash, what the drawer should have gained. */
	netJpy: number;
}

export interface DayEndSummary {
	/** The reception day, clinic-local. */
	date: string;
	timeZone: string;
	/** The day as UTC instants [from, to). */
	from: string;
	to: string;
	/** Every method, in a fixed order, zeros included. */
	methods: MethodSummary[];
	totals: Omit<MethodSummary, 'method'>;
	charges: { count: number; chargedJpy: number; voided: number };
}

export type DayEndSummaryResult =
	{ ok: true; summary: DayEndSummary } | { ok: false; code: 'invalid'; fields: BillingFieldCodes } | { ok: false; code: 'forbidden' };

/**
 * Money taken and given back on one reception day in the clinic's time zone, per method, with the
 * charges made and voided that day: the desk's closing count.
 */
export async function dayEndSummary(db: Db, input: Record<string, unknown>, actor: AuditActor): Promise<DayEndSummaryResult> {
	if (actor.type !== 'staff') return { ok: false, code: 'forbidden' };
	const parsed = ZDayEndSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const { date } = parsed.data;
	const clinic = await findBillingClinic(db);
	const from = new Date(localInstant(date, '00:00', clinic.timeZone)).toISOString();
	const to = new Date(localInstant(addDays(date, 1), '00:00', clinic.timeZone)).toISOString();

	const [rows, charges, voided] = await Promise.all([
		db.kysely
			.selectFrom('payment')
			.select(['method', 'kind'])
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number | string>('amount_jpy').as('total')])
			.where('received_at', '>=', from)
			.where('received_at', '<', to)
			.groupBy(['method', 'kind'])
			.execute(),
		db.kysely
			.selectFrom('charge')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number | string>('due_jpy').as('total')])
			.where('created_at', '>=', from)
			.where('created_at', '<', to)
			.executeTakeFirstOrThrow(),
		db.kysely
			.selectFrom('charge_void')
			.select((eb) => eb.fn.countAll().as('n'))
			.where('voided_at', '>=', from)
			.where('voided_at', '<', to)
			.executeTakeFirstOrThrow()
	]);

	const methods = PAYMENT_METHODS.map((method): MethodSummary => {
		const of = (kind: 'payment' | 'refund') => rows.find((r) => r.method === method && r.kind === kind);
		const paid = of('payment');
		const refunded = of('refund');
		const paidJpy = Number(paid?.total ?? 0);
		const refundedJpy = Number(refunded?.total ?? 0);
		return { method, payments: Number(paid?.n ?? 0), paidJpy, refunds: Number(refunded?.n ?? 0), refundedJpy, netJpy: paidJpy - refundedJpy };
	});
	const sum = (pick: (m: MethodSummary) => number) => methods.reduce((total, m) => total + pick(m), 0);
	return {
		ok: true,
		summary: {
			date,
			timeZone: clinic.timeZone,
			from,
			to,
			methods,
			totals: {
				payments: sum((m) => m.payments),
				paidJpy: sum((m) => m.paidJpy),
				refunds: sum((m) => m.refunds),
				refundedJpy: sum((m) => m.refundedJpy),
				netJpy: sum((m) => m.netJpy)
			},
			charges: { count: Number(charges.n), chargedJpy: Number(charges.total ?? 0), voided: Number(voided.n) }
		}
	};
}
