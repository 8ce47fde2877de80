import { randomUUID } from 'node:crypto';
import { packageState } from '../../domain/packages/ledger';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit-log';
import { clinicToday, findBillingClinic } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { insertPackageEntry, loadPackage } from './package-repository';

/**
 * Writes the expiry entry of every course past its last valid day with visits left (issue #18):
 * the visits stay in the ledger as expired, never silently removed, and the 前受金 they held leaves
 * the liability on this entry. Safe to run again: a course once expired has nothing left.
 */
export async function expirePackages(db: Db, options: { now?: Date } = {}): Promise<string[]> {
	const now = options.now ?? db.clock.now();
	const today = clinicToday(await findBillingClinic(db), now);
	const due = await db.kysely
		.selectFrom('package_sale')
		.select('id')
		.where('expires_on', '<=', today)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('package_entry')
						.select('package_entry.id')
						.whereRef('package_entry.package_sale_id', '=', 'package_sale.id')
						.where('package_entry.kind', 'in', ['expiry', 'refund'])
				)
			)
		)
		.orderBy('expires_on')
		.orderBy('id')
		.limit(200)
		.execute();
	const expired: string[] = [];
	for (const { id } of due) {
		const done = await withTransaction(db, async (tx) => {
			const pkg = await loadPackage(tx, id, { lock: true });
			if (!pkg) return false;
			const state = packageState(pkg.terms, pkg.entries);
			if (state.remainingVisits === 0 || state.status === 'refunded' || state.expiredVisits > 0) return false;
			await insertPackageEntry(tx, {
				id: randomUUID(),
				package_sale_id: id,
				entry_number: pkg.nextEntryNumber,
				kind: 'expiry',
				sequence: 0,
				patient_id: null,
				appointment_id: null,
				charge_id: null,
				visits: state.remainingVisits,
				fee_jpy: 0,
				amount_jpy: 0,
				method: null,
				detail: JSON.stringify({ liabilityJpy: state.liabilityJpy }),
				entered_at: now.toISOString(),
				recorded_by: null
			});
			await recordAudit(tx, SYSTEM_ACTOR, {
				action: 'package.expire',
				entityType: 'package_sale',
				entityId: id,
				patientId: pkg.sale.patient_id,
				detail: { visits: state.remainingVisits, liabilityJpy: state.liabilityJpy }
			});
			return true;
		});
		if (done) expired.push(id);
	}
	return expired;
}
