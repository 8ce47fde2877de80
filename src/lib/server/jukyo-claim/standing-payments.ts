import type { PaymentReversalRecord } from '../../domain/jukyo-claim/claim-history';
import { localDate } from '../../domain/time';
import { recentClinicTimeZone } from '../clinic/clinic-settings';
import type { Db } from '../db/database';
import { findStaffDisplayName } from '../staff/staff-repository';

/*
 * Which insurer payments still stand (reads only; insurer-payments.ts writes the payments and their
 * reversals). A reversed payment's parts and "paid" events no longer count (docs/jukyo-claim.md §13).
 * Apart from insurer-payments.ts so the claim workflow, which that file imports, can read them too.
 */

/** Which of these payments were reversed (the claim workflow drops their paid events and parts). */
export async function reversedPaymentsAmong(db: Db, paymentIds: readonly string[]): Promise<Set<string>> {
	if (paymentIds.length === 0) return new Set();
	const rows = await db.kysely
		.selectFrom('jukyo_insurer_payment_reversal')
		.select('payment_id')
		.where('payment_id', 'in', [...new Set(paymentIds)])
		.execute();
	return new Set(rows.map((r) => r.payment_id));
}

/** The reversals of these payments as a claim's history shows them: the clinic-local day, who and why. */
export async function paymentReversalsAmong(db: Db, paymentIds: readonly string[]): Promise<PaymentReversalRecord[]> {
	if (paymentIds.length === 0) return [];
	const rows = await db.kysely
		.selectFrom('jukyo_insurer_payment_reversal')
		.select(['payment_id', 'reason', 'created_at', 'created_by'])
		.where('payment_id', 'in', [...new Set(paymentIds)])
		.execute();
	if (rows.length === 0) return [];
	const timeZone = await recentClinicTimeZone(db);
	const names = new Map<string, string>();
	for (const id of new Set(rows.map((r) => r.created_by))) names.set(id, (await findStaffDisplayName(db, id))?.display_name ?? '');
	return rows.map((r) => ({
		paymentId: r.payment_id,
		on: localDate(Date.parse(r.created_at), timeZone),
		by: names.get(r.created_by) ?? '',
		reason: r.reason
	}));
}

/** The standing parts of payments on these claim versions (reversed payments left out). */
export async function standingPaymentParts(
	db: Db,
	claimVersionIds: readonly string[]
): Promise<Array<{ claimVersionId: string; paymentId: string; amountJpy: number }>> {
	if (claimVersionIds.length === 0) return [];
	const rows = await db.kysely
		.selectFrom('jukyo_payment_claim as pc')
		.leftJoin('jukyo_insurer_payment_reversal as r', 'r.payment_id', 'pc.payment_id')
		.select(['pc.claim_version_id', 'pc.payment_id', 'pc.amount_jpy'])
		.where('pc.claim_version_id', 'in', claimVersionIds)
		.where('r.id', 'is', null)
		.execute();
	return rows.map((r) => ({ claimVersionId: r.claim_version_id, paymentId: r.payment_id, amountJpy: Number(r.amount_jpy) }));
}
