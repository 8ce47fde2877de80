import { sql } from 'kysely';
import type { Db } from '../db/database';

/*
 * The money the owner's report reads (reports/report-repository.ts), as set-based queries over a
 * period: clinic-local service days `from`…`to`, instants `start`…`end` (the end not included) and,
 * when given, the practitioner of the charged visit.
 */

export interface MoneyReportScope {
	/** First and last clinic-local service day. */
	from: string;
	to: string;
	/** ISO instants of the period's start and end (not included). */
	start: string;
	end: string;
	practitionerId: string | null;
}

/** Charges of the period, and older ones that may still be owed at its end; `voided` is null unless voided. */
export async function chargesForReport(db: Db, scope: MoneyReportScope) {
	const mine = scope.practitionerId;
	return db.kysely
		.selectFrom('charge as c')
		.leftJoin('appointment as ap', 'ap.id', 'c.appointment_id')
		.leftJoin('charge_void as v', 'v.charge_id', 'c.id')
		.select(['c.id', 'c.service_date', 'c.payer', 'c.self_pay_jpy', 'c.insurance_fee_jpy', 'c.due_jpy', 'ap.practitioner_id', 'v.charge_id as voided'])
		.where('c.service_date', '<=', scope.to)
		.where((eb) => {
			const paidUntilEnd = eb
				.selectFrom('payment')
				.select(sql<number>`coalesce(sum(case when payment.kind = 'payment' then payment.amount_jpy else -payment.amount_jpy end), 0)`.as('paid'))
				.whereRef('payment.charge_id', '=', 'c.id')
				.where('payment.received_at', '<', scope.end);
			return eb.or([eb('c.service_date', '>=', scope.from), eb.and([eb('v.charge_id', 'is', null), eb('c.due_jpy', '>', paidUntilEnd)])]);
		})
		.$if(mine !== null, (q) => q.where('ap.practitioner_id', '=', mine!))
		.execute();
}

/** The lines of every charge of the period's service days, in their printed order. */
export async function chargeLinesForReport(db: Db, scope: MoneyReportScope) {
	return db.kysely
		.selectFrom('charge_line')
		.innerJoin('charge as c', 'c.id', 'charge_line.charge_id')
		.select(['charge_line.charge_id', 'charge_line.kind', 'charge_line.service_id', 'charge_line.name_ja', 'charge_line.name_en', 'charge_line.amount_jpy'])
		.where('c.service_date', '>=', scope.from)
		.where('c.service_date', '<=', scope.to)
		.orderBy('charge_line.charge_id')
		.orderBy('charge_line.position')
		.execute();
}

/** Payments on the charges read (service day up to `to`), and any received in the period; none after it. */
export async function paymentsForReport(db: Db, scope: MoneyReportScope) {
	const mine = scope.practitionerId;
	const k = db.kysely;
	const chargeIdsQuery = k
		.selectFrom('charge as c')
		.leftJoin('appointment as ap', 'ap.id', 'c.appointment_id')
		.select('c.id')
		.where('c.service_date', '<=', scope.to)
		.$if(mine !== null, (q) => q.where('ap.practitioner_id', '=', mine!));
	return k
		.selectFrom('payment')
		.select(['charge_id', 'kind', 'amount_jpy', 'received_at'])
		.where('received_at', '<', scope.end)
		.where((eb) => eb.or([eb('received_at', '>=', scope.start), eb('charge_id', 'in', chargeIdsQuery)]))
		.$if(mine !== null, (q) => q.where('charge_id', 'in', chargeIdsQuery))
		.execute();
}
