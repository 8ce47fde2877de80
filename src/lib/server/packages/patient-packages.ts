import { packageState, type PackageStatus } from '../../domain/packages/ledger';
import { computeRefund, type RefundComputation } from '../../domain/packages/refund';
import { lastValidDay } from '../../domain/packages/terms';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { clinicToday, findBillingClinic } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { loadPackage, packageIdsForPatient } from './package-repository';
import { packageRefundPolicy } from './refund-package';

/* What the desk (and the portal) shows of a patient's courses (issue #18): every figure derived from the ledger. */

export interface PackageView {
	saleId: string;
	chargeId: string;
	holderPatientId: string;
	nameJa: string;
	nameEn: string;
	soldOn: string;
	/** The last day it may be used. */
	validThrough: string;
	visitCount: number;
	priceJpy: number;
	paidJpy: number;
	balanceDueJpy: number;
	usedVisits: number;
	expiredVisits: number;
	refundedVisits: number;
	remainingVisits: number;
	liabilityJpy: number;
	status: PackageStatus;
	familyShareable: boolean;
	familyPatientIds: string[];
	serviceIds: string[];
	uses: { visitNumber: number; at: string; patientId: string; appointmentId: string | null }[];
	/** What cancelling now would return; null when nothing can be refunded. */
	refundQuote: RefundComputation | null;
	/** The refund as carried out, with its computation. */
	refund: { at: string; computation: RefundComputation } | null;
}

export async function listPatientPackages(db: Db, patientId: string, actor: AuditActor, options: { now?: Date; audit?: boolean } = {}): Promise<PackageView[]> {
	const now = options.now ?? db.clock.now();
	const today = clinicToday(await findBillingClinic(db), now);
	const policy = await packageRefundPolicy(db);
	const views: PackageView[] = [];
	for (const saleId of await packageIdsForPatient(db, patientId)) {
		const pkg = await loadPackage(db, saleId);
		if (!pkg) continue;
		const state = packageState(pkg.terms, pkg.entries, today, pkg.sale.expires_on);
		const quote = !pkg.voided && state.status === 'active' ? computeRefund(pkg.terms, pkg.entries, policy, today) : null;
		const refundRow = pkg.rows.find((r) => r.kind === 'refund');
		views.push({
			saleId,
			chargeId: pkg.sale.charge_id,
			holderPatientId: pkg.sale.patient_id,
			nameJa: pkg.sale.name_ja,
			nameEn: pkg.sale.name_en,
			soldOn: pkg.sale.sold_on,
			validThrough: lastValidDay(pkg.sale.expires_on),
			visitCount: state.visitCount,
			priceJpy: state.priceJpy,
			paidJpy: state.paidJpy,
			balanceDueJpy: pkg.voided ? 0 : state.balanceDueJpy,
			usedVisits: state.usedVisits,
			expiredVisits: state.expiredVisits,
			refundedVisits: state.refundedVisits,
			remainingVisits: state.remainingVisits,
			liabilityJpy: state.liabilityJpy,
			status: pkg.voided ? 'refunded' : state.status,
			familyShareable: pkg.terms.familyShareable,
			familyPatientIds: pkg.holder.familyPatientIds.slice(),
			serviceIds: pkg.terms.serviceIds.slice(),
			uses: state.uses.map((u) => ({ visitNumber: u.visitNumber, at: new Date(u.at).toISOString(), patientId: u.patientId, appointmentId: u.appointmentId })),
			refundQuote: quote?.ok ? quote.computation : null,
			refund: refundRow ? { at: refundRow.entered_at, computation: JSON.parse(refundRow.detail) as RefundComputation } : null
		});
	}
	if (options.audit !== false)
		await recordAudit(db, actor, { action: 'package.list_read', entityType: 'patient', entityId: patientId, patientId, detail: { count: views.length } });
	return views;
}
