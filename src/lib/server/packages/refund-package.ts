import { randomUUID } from 'node:crypto';
import { checkRefund } from '../../domain/billing/payments';
import { packageState } from '../../domain/packages/ledger';
import { computeRefund, refundEntry, type ClinicRefundPolicy, type RefundComputation } from '../../domain/packages/refund';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { clinicToday, findBillingClinic, findChargeState, insertPayment } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { insertPackageEntry, loadPackage } from './package-repository';
import { packageFieldCodes, ZRefundPackageSchema, type PackageFieldCodes } from './schemas';

/*
 * Cancelling the rest of a course at the desk (issue #18): the computation (domain/packages/
 * refund.ts) is shown first, then carried out as one refund entry in the package ledger and, when
 * money goes back, one refund on the sale's charge in billing — in one transaction.
 */

export type RefundQuoteResult =
	{ ok: true; computation: RefundComputation } | { ok: false; code: 'nothing_to_refund' | 'no_rules' | 'not_found' | 'forbidden' };

export type RefundPackageResult =
	| { ok: true; computation: RefundComputation; paymentId: string | null }
	| { ok: false; code: 'invalid'; fields: PackageFieldCodes }
	| { ok: false; code: 'nothing_to_refund' | 'no_rules' | 'not_found' | 'forbidden' | 'refund_exceeds_paid' };

export async function packageRefundPolicy(db: Db): Promise<ClinicRefundPolicy & { noShowUsesVisit: boolean }> {
	const row = await db.kysely.selectFrom('package_settings').selectAll().orderBy('clinic_id').executeTakeFirst();
	return {
		cancellationFeeJpy: row ? Number(row.cancellation_fee_jpy) : 0,
		documentedAverageDamageJpy: row && row.documented_average_damage_jpy !== null ? Number(row.documented_average_damage_jpy) : null,
		noShowUsesVisit: row ? row.no_show_uses_visit === 1 : false
	};
}

export async function quotePackageRefund(db: Db, saleId: string, actor: AuditActor, options: { now?: Date } = {}): Promise<RefundQuoteResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const pkg = await loadPackage(db, saleId);
	if (!pkg) return { ok: false, code: 'not_found' };
	const today = clinicToday(await findBillingClinic(db), options.now ?? db.clock.now());
	return computeRefund(pkg.terms, pkg.entries, await packageRefundPolicy(db), today);
}

export async function refundPackage(
	db: Db,
	saleId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<RefundPackageResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZRefundPackageSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: packageFieldCodes(parsed.error) };
	const method = parsed.data.method;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<RefundPackageResult> => {
		const pkg = await loadPackage(tx, saleId, { lock: true });
		if (!pkg) return { ok: false, code: 'not_found' };
		const today = clinicToday(await findBillingClinic(tx), now);
		const quote = computeRefund(pkg.terms, pkg.entries, await packageRefundPolicy(tx), today);
		if (!quote.ok) return quote;
		const { computation } = quote;
		const charge = await findChargeState(tx, pkg.sale.charge_id, { lock: true });
		if (!charge) return { ok: false, code: 'not_found' };
		// Money goes back by a method it came in, never more than that method kept (billing's rule).
		if (computation.refundJpy > 0 && !checkRefund(charge.dueJpy, charge.entries, { method, amountJpy: computation.refundJpy }).ok)
			return { ok: false, code: 'refund_exceeds_paid' };
		const at = now.toISOString();
		const entry = refundEntry(computation, now.getTime(), method);
		packageState(pkg.terms, [...pkg.entries, entry]); // the ledger accepts it, or this throws and nothing is written
		let paymentId: string | null = null;
		if (computation.refundJpy > 0) {
			paymentId = await insertPayment(tx, {
				charge_id: pkg.sale.charge_id,
				patient_id: pkg.sale.patient_id,
				kind: 'refund',
				method,
				amount_jpy: computation.refundJpy,
				received_at: at,
				reason: 'package_refund',
				recorded_by: staffId
			});
		}
		await insertPackageEntry(tx, {
			id: randomUUID(),
			package_sale_id: saleId,
			entry_number: pkg.nextEntryNumber,
			kind: 'refund',
			sequence: 0,
			patient_id: null,
			appointment_id: null,
			charge_id: pkg.sale.charge_id,
			visits: computation.unusedVisits,
			fee_jpy: computation.feeJpy,
			amount_jpy: computation.refundJpy,
			method,
			detail: JSON.stringify(computation),
			entered_at: at,
			recorded_by: staffId
		});
		await recordAudit(tx, actor, {
			action: 'package.refund',
			entityType: 'package_sale',
			entityId: saleId,
			patientId: pkg.sale.patient_id,
			detail: { unusedVisits: computation.unusedVisits, feeJpy: computation.feeJpy, refundJpy: computation.refundJpy, method, paymentId, law: computation.law }
		});
		return { ok: true, computation, paymentId };
	});
}
