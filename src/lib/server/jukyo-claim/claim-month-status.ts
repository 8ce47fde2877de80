import { claimStatusOf, liveClaimEvents, type ClaimStatus } from '../../domain/jukyo-claim/claim-status';
import type { Db } from '../db/database';
import { reversedPaymentsAmong } from './standing-payments';

/*
 * The status of one patient-month 申請書 (docs/jukyo-claim.md §12), read only: for rules outside the
 * claim workflow that depend on it (whether a 施術報告書's 交付料 can still be added, §9). Apart from
 * claim-workflow.ts, which reads claim-records.ts, which reads doctor-report.ts: importing the
 * workflow from there would go round in a circle. Same reading as the workflow: the newest version's
 * events in order, a "paid" event of a reversed payment left out.
 */
export async function claimStatusOfMonth(db: Db, patientId: string, month: string, kind: 'main' | 'public_expense' = 'main'): Promise<ClaimStatus> {
	const latest = await db.kysely
		.selectFrom('jukyo_claim_version')
		.select('id')
		.where('patient_id', '=', patientId)
		.where('month', '=', month)
		.where('kind', '=', kind)
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!latest) return claimStatusOf(null);
	const events = await db.kysely
		.selectFrom('jukyo_claim_event')
		.select(['event', 'payment_id'])
		.where('claim_version_id', '=', latest.id)
		.orderBy('seq')
		.execute();
	const reversed = await reversedPaymentsAmong(
		db,
		events.flatMap((e) => (e.payment_id ? [e.payment_id] : []))
	);
	const live = liveClaimEvents(
		events.map((e) => ({ event: e.event, paymentId: e.payment_id })),
		reversed
	);
	return claimStatusOf({ events: live.map((e) => e.event) });
}
