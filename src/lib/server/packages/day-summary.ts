import { paymentsReceivedBetween } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { saleChargeIdsAmong } from './package-repository';

/**
 * The prepaid-course part of a reception day [from, to) (issue #18), for the day-end: courses sold
 * (a sale is 前受金, not visit revenue), money taken and given back for them, and visits used.
 * The day-end's own totals include this money; this separates it.
 */
export interface PackageDaySummary {
	sales: number;
	soldJpy: number;
	receivedJpy: number;
	refundedJpy: number;
	visitsUsed: number;
}

export async function packageDaySummary(db: Db, from: string, to: string): Promise<PackageDaySummary> {
	const [sales, money, uses] = await Promise.all([
		db.kysely
			.selectFrom('package_sale')
			.select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number | string>('price_jpy').as('total')])
			.where('sold_at', '>=', from)
			.where('sold_at', '<', to)
			.executeTakeFirstOrThrow(),
		paymentsReceivedBetween(db, from, to),
		db.kysely
			.selectFrom('package_entry')
			.select(['kind'])
			.select((eb) => eb.fn.countAll().as('n'))
			.where('kind', 'in', ['use', 'reinstate'])
			.where('entered_at', '>=', from)
			.where('entered_at', '<', to)
			.groupBy('kind')
			.execute()
	]);
	// The day's money taken or given back for course sales, not for visits.
	const saleCharges = new Set(await saleChargeIdsAmong(db, [...new Set(money.map((m) => m.charge_id))]));
	const total = (kind: 'payment' | 'refund') =>
		money.filter((m) => m.kind === kind && saleCharges.has(m.charge_id)).reduce((sum, m) => sum + Number(m.amount_jpy), 0);
	const count = (kind: 'use' | 'reinstate') => Number(uses.find((u) => u.kind === kind)?.n ?? 0);
	return {
		sales: Number(sales.n),
		soldJpy: Number(sales.total ?? 0),
		receivedJpy: total('payment'),
		refundedJpy: total('refund'),
		visitsUsed: count('use') - count('reinstate')
	};
}
