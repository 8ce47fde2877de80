import type { Db } from '../db/database';
import type { CancellationFeeKind } from '../db/schema-cancellation-recall';

export interface FeeRow {
	id: string;
	kind: CancellationFeeKind;
	amountJpy: number;
	/** The missed visit's start (ISO). */
	visitStartsAt: string;
	createdAt: string;
	outcome: 'collected' | 'waived' | null;
	reason: string;
	chargeId: string | null;
}

/** A patient's cancellation fees, newest first; `outcome` null means still owed. */
export async function listPatientFees(db: Db, patientId: string, options: { openOnly?: boolean } = {}): Promise<FeeRow[]> {
	let query = db.kysely
		.selectFrom('cancellation_fee')
		.innerJoin('appointment', 'appointment.id', 'cancellation_fee.appointment_id')
		.leftJoin('cancellation_fee_settlement', 'cancellation_fee_settlement.fee_id', 'cancellation_fee.id')
		.select([
			'cancellation_fee.id',
			'cancellation_fee.kind',
			'cancellation_fee.amount_jpy',
			'cancellation_fee.created_at',
			'appointment.starts_at',
			'cancellation_fee_settlement.outcome',
			'cancellation_fee_settlement.reason',
			'cancellation_fee_settlement.charge_id'
		])
		.where('cancellation_fee.patient_id', '=', patientId)
		.orderBy('cancellation_fee.created_at', 'desc');
	if (options.openOnly) query = query.where('cancellation_fee_settlement.fee_id', 'is', null);
	const rows = await query.execute();
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		amountJpy: Number(r.amount_jpy),
		visitStartsAt: r.starts_at,
		createdAt: r.created_at,
		outcome: r.outcome ?? null,
		reason: r.reason ?? '',
		chargeId: r.charge_id ?? null
	}));
}

export interface FeeFigures {
	charged: { count: number; jpy: number };
	collected: { count: number; jpy: number };
	waived: { count: number; jpy: number };
}

/** Fees charged (created), collected and waived between two instants (ISO, half-open), for the reports. */
export async function feeFigures(db: Db, fromIso: string, toIso: string): Promise<FeeFigures> {
	const charged = await db.kysely
		.selectFrom('cancellation_fee')
		.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_jpy').as('jpy')])
		.where('created_at', '>=', fromIso)
		.where('created_at', '<', toIso)
		.executeTakeFirstOrThrow();
	const settled = await db.kysely
		.selectFrom('cancellation_fee_settlement')
		.innerJoin('cancellation_fee', 'cancellation_fee.id', 'cancellation_fee_settlement.fee_id')
		.select((eb) => ['cancellation_fee_settlement.outcome', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('cancellation_fee.amount_jpy').as('jpy')])
		.where('cancellation_fee_settlement.settled_at', '>=', fromIso)
		.where('cancellation_fee_settlement.settled_at', '<', toIso)
		.groupBy('cancellation_fee_settlement.outcome')
		.execute();
	const of = (outcome: string) => {
		const row = settled.find((r) => r.outcome === outcome);
		return { count: Number(row?.n ?? 0), jpy: Number(row?.jpy ?? 0) };
	};
	return { charged: { count: Number(charged.n), jpy: Number(charged.jpy ?? 0) }, collected: of('collected'), waived: of('waived') };
}

/** One fee with its patient's name, for its own page; undefined when unknown. */
export async function findFee(db: Db, feeId: string): Promise<(FeeRow & { patientId: string; patientName: string }) | undefined> {
	const row = await db.kysely
		.selectFrom('cancellation_fee')
		.innerJoin('patient', 'patient.id', 'cancellation_fee.patient_id')
		.select(['cancellation_fee.patient_id', 'patient.family_name', 'patient.given_name'])
		.where('cancellation_fee.id', '=', feeId)
		.executeTakeFirst();
	if (!row) return undefined;
	const fee = (await listPatientFees(db, row.patient_id)).find((f) => f.id === feeId);
	return fee ? { ...fee, patientId: row.patient_id, patientName: `${row.family_name} ${row.given_name}` } : undefined;
}
