import { randomUUID } from 'node:crypto';
import { expiresOn, taxOfSale } from '../../domain/packages/terms';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { clinicToday, findBillablePatient, findBillingClinic, insertOneLineSelfPayCharge, insertPayment } from '../billing/billing-repository';
import type { Db } from '../db/database';
import type { PaymentTable } from '../db/schema-billing';
import { withTransaction } from '../db/transaction';
import { insertPackageFamilyMember, insertPackageSale } from './package-repository';
import { packageFieldCodes, ZSellPackageSchema, type PackageFieldCodes } from './schemas';

export type SellPackageResult =
	| { ok: true; saleId: string; chargeId: string; paymentId: string | null }
	| { ok: false; code: 'invalid'; fields: PackageFieldCodes }
	| { ok: false; code: 'not_found' | 'forbidden' | 'not_shareable' };

/**
 * The desk sells a course to a patient (issue #18). The price becomes a self-pay charge of its own
 * (a sale dated today, tax included, the tax computed as billing does), so payments — part
 * payments too —, receipts and the day-end are billing's. The terms are copied onto the sale: a
 * later change to the type changes nothing sold.
 */
export async function sellPackage(
	db: Db,
	patientId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<SellPackageResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZSellPackageSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: packageFieldCodes(parsed.error) };
	const data = parsed.data;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<SellPackageResult> => {
		const patient = await findBillablePatient(tx, patientId);
		if (!patient) return { ok: false, code: 'not_found' };
		const type = await tx.kysely
			.selectFrom('package_type')
			.selectAll()
			.where('id', '=', data.packageTypeId)
			.where('retired_at', 'is', null)
			.where('id', 'not in', tx.kysely.selectFrom('package_plan_type').select('package_type_id'))
			.executeTakeFirst();
		if (!type) return { ok: false, code: 'invalid', fields: { packageTypeId: 'packages.error.packageType' } };
		const price = Number(type.price_jpy);
		if (data.amountJpy !== null && data.amountJpy > price) return { ok: false, code: 'invalid', fields: { amountJpy: 'packages.error.exceedsPrice' } };
		const family = data.familyPatientIds.filter((id) => id !== patientId);
		if (family.length > 0 && type.family_shareable !== 1) return { ok: false, code: 'not_shareable' };
		for (const memberId of family) {
			if (!(await findBillablePatient(tx, memberId))) return { ok: false, code: 'invalid', fields: { familyPatientIds: 'packages.error.family' } };
		}

		const clinic = await findBillingClinic(tx);
		const at = now.toISOString();
		const soldOn = clinicToday(clinic, now);
		const chargeId = await insertSaleCharge(tx, {
			clinicId: clinic.id,
			patientId,
			soldOn,
			priceJpy: price,
			names: { name_ja: type.name_ja, name_en: type.name_en },
			at,
			staffId
		});
		const saleId = randomUUID();
		await insertPackageSale(tx, {
			id: saleId,
			clinic_id: clinic.id,
			patient_id: patientId,
			package_type_id: type.id,
			charge_id: chargeId,
			kind: 'course',
			name_ja: type.name_ja,
			name_en: type.name_en,
			service_ids: type.service_ids,
			visit_count: type.visit_count,
			price_jpy: price,
			validity_months: type.validity_months,
			family_shareable: type.family_shareable,
			sold_on: soldOn,
			expires_on: expiresOn(soldOn, type.validity_months),
			sold_at: at,
			sold_by: staffId
		});
		for (const memberId of family) {
			await insertPackageFamilyMember(tx, { id: randomUUID(), package_sale_id: saleId, patient_id: memberId, added_at: at, added_by: staffId });
		}
		const paymentId = await takeSalePayment(tx, { chargeId, patientId, method: data.method, amountJpy: data.amountJpy, at, staffId });
		await recordAudit(tx, actor, {
			action: 'package.sell',
			entityType: 'package_sale',
			entityId: saleId,
			patientId,
			detail: {
				packageTypeId: type.id,
				chargeId,
				priceJpy: price,
				visitCount: type.visit_count,
				paymentId,
				amountJpy: data.amountJpy ?? 0,
				method: data.method,
				familyCount: family.length
			}
		});
		return { ok: true, saleId, chargeId, paymentId };
	});
}

/**
 * The self-pay charge a sale is paid through (a course, or one month of a plan): one taxable line
 * at the price, the tax in it computed as billing does on the day sold (docs: server/packages/README.md).
 */
export async function insertSaleCharge(
	tx: Db,
	sale: { clinicId: string; patientId: string; soldOn: string; priceJpy: number; names: { name_ja: string; name_en: string }; at: string; staffId: string }
): Promise<string> {
	const tax = taxOfSale(sale.priceJpy, sale.soldOn);
	return insertOneLineSelfPayCharge(tx, {
		clinicId: sale.clinicId,
		patientId: sale.patientId,
		appointmentId: null,
		serviceDate: sale.soldOn,
		code: 'package',
		names: sale.names,
		amountJpy: sale.priceJpy,
		taxable: true,
		taxRatePercent: tax.ratePercent,
		consumptionTaxJpy: tax.taxJpy,
		at: sale.at,
		staffId: sale.staffId
	});
}

/** The part payment taken with a sale, if any: its payment's id, or null when nothing was paid yet. */
export async function takeSalePayment(
	tx: Db,
	payment: { chargeId: string; patientId: string; method: PaymentTable['method']; amountJpy: number | null; at: string; staffId: string }
): Promise<string | null> {
	if (payment.amountJpy === null || payment.amountJpy <= 0) return null;
	return insertPayment(tx, {
		charge_id: payment.chargeId,
		patient_id: payment.patientId,
		kind: 'payment',
		method: payment.method,
		amount_jpy: payment.amountJpy,
		received_at: payment.at,
		reason: '',
		recorded_by: payment.staffId
	});
}
