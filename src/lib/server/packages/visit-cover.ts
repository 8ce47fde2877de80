import { randomUUID } from 'node:crypto';
import { checkUse, packageState } from '../../domain/packages/ledger';
import { lastValidDay } from '../../domain/packages/terms';
import { translate } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { planCoverOfVisit } from './monthly-use';
import { insertPackageEntry, loadPackage } from './package-repository';

/*
 * The two hooks billing calls (issue #18), inside its own transaction:
 * - `packageCoverOfVisit` before a self-pay visit is charged: whether the course marked for it
 *   covers it, and the line's names, which print the course, the visit number (3/10), the visits
 *   left and the expiry on the charge, the statement and the receipt. The use itself is written by
 *   `usePackageForVisit` once the charge row exists.
 * - `reinstatePackageUseOfCharge` when such a charge is voided: the visit is given back.
 * An insured charge is never covered (its insured part never uses a course).
 */

export interface PackageCover {
	saleId: string;
	names: { name_ja: string; name_en: string };
}

export async function packageCoverOfVisit(
	tx: Db,
	visit: { id: string; patientId: string; serviceId: string; serviceDate: string },
	service: { name_ja: string; name_en: string }
): Promise<PackageCover | null> {
	const mark = await tx.kysely.selectFrom('appointment_package').select('package_sale_id').where('appointment_id', '=', visit.id).executeTakeFirst();
	// No course marked: a monthly plan may be (monthly-use.ts).
	if (!mark) return planCoverOfVisit(tx, visit, service);
	const pkg = await loadPackage(tx, mark.package_sale_id, { lock: true });
	if (!pkg || pkg.voided) return null;
	const check = checkUse(pkg.holder, pkg.entries, { patientId: visit.patientId, serviceId: visit.serviceId, visitDate: visit.serviceDate, insured: false });
	if (!check.ok) return null;
	const params = {
		visit: check.state.uses.length + 1,
		count: pkg.terms.visitCount,
		remaining: check.state.remainingVisits - 1,
		expires: lastValidDay(pkg.sale.expires_on)
	};
	return {
		saleId: pkg.sale.id,
		names: {
			name_ja: `${service.name_ja}（${translate('ja', 'packages.line', { name: pkg.sale.name_ja, ...params })}）`,
			name_en: `${service.name_en} (${translate('en', 'packages.line', { name: pkg.sale.name_en, ...params })})`
		}
	};
}

/** Gives back the use a voided charge made; nothing when it made none. */
export async function reinstatePackageUseOfCharge(tx: Db, chargeId: string, actor: AuditActor, now: Date): Promise<void> {
	const use = await tx.kysely
		.selectFrom('package_entry')
		.select(['package_sale_id', 'sequence'])
		.where('charge_id', '=', chargeId)
		.where('kind', '=', 'use')
		.executeTakeFirst();
	if (!use) return;
	const pkg = await loadPackage(tx, use.package_sale_id, { lock: true });
	if (!pkg) return;
	const state = packageState(pkg.terms, pkg.entries);
	// Already given back, or the course closed since (refunded or expired): nothing to give back into.
	if (!state.uses.some((u) => u.sequence === use.sequence) || state.status === 'refunded' || state.expiredVisits > 0) return;
	await insertPackageEntry(tx, {
		id: randomUUID(),
		package_sale_id: pkg.sale.id,
		entry_number: pkg.nextEntryNumber,
		kind: 'reinstate',
		sequence: use.sequence,
		patient_id: null,
		appointment_id: null,
		charge_id: chargeId,
		visits: 1,
		fee_jpy: 0,
		amount_jpy: 0,
		method: null,
		detail: '{}',
		entered_at: now.toISOString(),
		recorded_by: actor.type === 'staff' ? actor.id : null
	});
	await recordAudit(tx, actor, {
		action: 'package.reinstate',
		entityType: 'package_sale',
		entityId: pkg.sale.id,
		patientId: pkg.sale.patient_id,
		detail: { chargeId, sequence: use.sequence }
	});
}

/**
 * Whether billing must refuse a payment or refund on a course's sale charge: a refund is the
 * course's own (refund-package.ts, with its computation), and a cancelled course takes no more
 * payments at the billing desk. Null when billing may go ahead; otherwise the catalogue key.
 */
export async function packageChargeClosedTo(tx: Db, chargeId: string, kind: 'payment' | 'refund'): Promise<string | null> {
	const sale = await tx.kysely.selectFrom('package_sale').select('id').where('charge_id', '=', chargeId).executeTakeFirst();
	if (!sale) return null;
	if (kind === 'refund') return 'packages.error.refundOnPackagePage';
	const pkg = await loadPackage(tx, sale.id);
	return pkg && packageState(pkg.terms, pkg.entries).status === 'refunded' ? 'packages.error.refundedPackage' : null;
}
