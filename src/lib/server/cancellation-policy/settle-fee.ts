import { CANCELLATION_FEE_KIND_LABELS } from '../../components/cancellation-policy/fee-labels';
import type { z } from 'zod';
import { clinicToday, findBillingClinic, insertOneLineSelfPayCharge, insertPayment } from '../billing/billing-repository';
import { translate } from '../../i18n/translate';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { noShowCover } from '../packages/no-show-use';
import { usePackageForVisit } from '../packages/use-package';
import { policyFieldCodes, ZCollectFeeSchema, ZWaiveFeeSchema, type PolicyFieldCodes } from './schemas';
import { insertFeeSettlement } from './policy-repository';

export type SettleFeeResult =
	| { ok: true; chargeId: string | null }
	| { ok: false; code: 'invalid'; fields: PolicyFieldCodes }
	| { ok: false; code: 'already_settled' | 'not_found' | 'forbidden' };

interface Clock {
	now?: Date;
}

/**
 * The desk collects a fee, usually at the patient's next visit: it becomes a self-pay charge of
 * its own (dated today, so the day-end takes it and a receipt can be issued) paid in full by the
 * method given. A cancellation fee is compensation, not a sale, so it carries no consumption tax.
 */
export async function collectCancellationFee(
	db: Db,
	feeId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: Clock = {}
): Promise<SettleFeeResult> {
	return settleOpenFee(db, feeId, ZCollectFeeSchema, input, actor, options, async (tx, fee, data, staffId, now) => {
		const clinic = await findBillingClinic(tx);
		const at = now.toISOString();
		const key = CANCELLATION_FEE_KIND_LABELS[fee.kind];
		const names = { name_ja: translate('ja', key), name_en: translate('en', key) };
		// Issue #18: a no-show may use a visit of the course marked for it instead (the clinic's setting).
		const cover = fee.kind === 'no_show' ? await noShowCover(tx, fee.appointment_id, names) : null;
		const amount = cover ? 0 : Number(fee.amount_jpy);
		const chargeId = await insertOneLineSelfPayCharge(tx, {
			clinicId: clinic.id,
			patientId: fee.patient_id,
			appointmentId: fee.appointment_id,
			serviceDate: clinicToday(clinic, now),
			code: fee.kind,
			names: cover ? cover.names : names,
			amountJpy: amount,
			taxable: false,
			taxRatePercent: 0,
			consumptionTaxJpy: 0,
			at,
			staffId
		});
		let paymentId: string | null = null;
		if (cover) {
			const used = await usePackageForVisit(tx, fee.appointment_id!, { insured: false, chargeId }, actor, now);
			if (!used.ok) throw new Error(`the course covering no-show ${fee.appointment_id} could not be used: ${used.code}`);
		} else {
			paymentId = await insertPayment(tx, {
				charge_id: chargeId,
				patient_id: fee.patient_id,
				kind: 'payment',
				method: data.method,
				amount_jpy: amount,
				received_at: at,
				reason: '',
				recorded_by: staffId
			});
		}
		await insertFeeSettlement(tx, { fee_id: feeId, outcome: 'collected', charge_id: chargeId, reason: '', settled_at: at, settled_by: staffId });
		await recordAudit(tx, actor, {
			action: 'cancellation_fee.collect',
			entityType: 'cancellation_fee',
			entityId: feeId,
			patientId: fee.patient_id,
			detail: { chargeId, paymentId, method: data.method, amountJpy: amount, packageSaleId: cover?.saleId ?? null }
		});
		return { ok: true, chargeId };
	});
}

/** The desk waives a fee; the reason is required and kept with the audit. */
export async function waiveCancellationFee(
	db: Db,
	feeId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: Clock = {}
): Promise<SettleFeeResult> {
	return settleOpenFee(db, feeId, ZWaiveFeeSchema, input, actor, options, async (tx, fee, data, staffId, now) => {
		await insertFeeSettlement(tx, {
			fee_id: feeId,
			outcome: 'waived',
			charge_id: null,
			reason: data.reason,
			settled_at: now.toISOString(),
			settled_by: staffId
		});
		await recordAudit(tx, actor, {
			action: 'cancellation_fee.waive',
			entityType: 'cancellation_fee',
			entityId: feeId,
			patientId: fee.patient_id,
			detail: { reason: data.reason, amountJpy: Number(fee.amount_jpy) }
		});
		return { ok: true, chargeId: null };
	});
}

type OpenFee = NonNullable<Awaited<ReturnType<typeof openFee>>>;

/** What collecting and waiving share: staff only, parsed input, and a fee still open, in one transaction. */
async function settleOpenFee<S extends z.ZodType>(
	db: Db,
	feeId: string,
	schema: S,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: Clock,
	settle: (tx: Db, fee: OpenFee, data: z.output<S>, staffId: string, now: Date) => Promise<SettleFeeResult>
): Promise<SettleFeeResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = schema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: policyFieldCodes(parsed.error) };
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<SettleFeeResult> => {
		const fee = await openFee(tx, feeId);
		if (!fee) return { ok: false, code: 'not_found' };
		if (fee.settled) return { ok: false, code: 'already_settled' };
		return settle(tx, fee, parsed.data, staffId, now);
	});
}

async function openFee(tx: Db, feeId: string) {
	if (!feeId || feeId.length > 64) return undefined;
	let query = tx.kysely
		.selectFrom('cancellation_fee')
		.leftJoin('cancellation_fee_settlement', 'cancellation_fee_settlement.fee_id', 'cancellation_fee.id')
		.select([
			'cancellation_fee.id',
			'cancellation_fee.patient_id',
			'cancellation_fee.appointment_id',
			'cancellation_fee.kind',
			'cancellation_fee.amount_jpy',
			'cancellation_fee_settlement.outcome'
		])
		.where('cancellation_fee.id', '=', feeId);
	// Two desks settling one fee queue on its row; the settlement's primary key stops the second anyway.
	if (tx.dialect === 'postgres') query = query.forUpdate('cancellation_fee');
	const row = await query.executeTakeFirst();
	return row ? { ...row, settled: row.outcome !== null } : undefined;
}
