import { sql } from 'kysely';
import { endOfMonthAfter } from '../../domain/time';
import type { ClaimVisit } from '../../domain/billing/claims-csv';
import { addDays } from '../../domain/time';
import type { Locale } from '../../i18n/locales';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';

/** The first day of the month after 'YYYY-MM', as 'YYYY-MM-DD'. */
function nextMonthStart(month: string): string {
	return addDays(endOfMonthAfter(`${month}-01`, 0), 1);
}

export interface ClaimQuery {
	/** 'YYYY-MM', clinic-local. */
	month: string;
	/** Only this insurer's patients; null for all. */
	insurerNumber: string | null;
}

/**
 * Every insured visit of a month that was not voided, for the 療養費 claim, each with the card it
 * was charged under (a charge from before 0016 has none kept: the card on record stands in).
 * Audited, since the file carries names and card numbers.
 */
export async function claimVisitsForMonth(db: Db, query: ClaimQuery, actor: AuditActor, locale: Locale): Promise<ClaimVisit[]> {
	let select = db.kysely
		.selectFrom('charge as c')
		.innerJoin('patient as p', 'p.id', 'c.patient_id')
		.leftJoin('doctor_consent as dc', 'dc.id', 'c.consent_id')
		.leftJoin('charge_void as v', 'v.charge_id', 'c.id')
		.leftJoin('charge_insurance_card as card', 'card.charge_id', 'c.id')
		.select((eb) => [
			eb.fn.coalesce('card.insurer_number', 'p.insurer_number').as('insurer_number'),
			eb.fn.coalesce('card.insurance_symbol', 'p.insurance_symbol').as('insurance_symbol'),
			eb.fn.coalesce('card.insurance_number', 'p.insurance_number').as('insurance_number')
		])
		.select([
			'c.id',
			'c.service_date',
			'c.insurance_fee_jpy',
			'c.share_percent',
			'c.patient_share_jpy',
			'c.insurer_claim_jpy',
			'p.patient_number',
			'p.family_name_kana',
			'p.given_name_kana',
			'dc.signed_on'
		])
		.where('c.payer', '=', 'insurance')
		.where('c.service_date', '>=', `${query.month}-01`)
		.where('c.service_date', '<', nextMonthStart(query.month))
		.where('v.charge_id', 'is', null);
	const insurer = query.insurerNumber;
	if (insurer !== null) select = select.where((eb) => eb(eb.fn.coalesce('card.insurer_number', 'p.insurer_number'), '=', insurer));
	const charges = await select.execute();
	const lines =
		charges.length === 0
			? []
			: await db.kysely
					.selectFrom('charge_line')
					.select(['charge_id', 'name_ja', 'name_en', 'amount_jpy', 'position'])
					.where('kind', '=', 'insurance_fee')
					.where(
						'charge_id',
						'in',
						charges.map((c) => c.id)
					)
					.orderBy('charge_id')
					.orderBy('position')
					.execute();
	await recordAudit(db, actor, {
		action: 'claims.export',
		entityType: 'claims',
		entityId: query.month,
		detail: { insurer: query.insurerNumber, visits: charges.length }
	});
	return charges.map((c) => ({
		patientNumber: c.patient_number,
		nameKana: `${c.family_name_kana} ${c.given_name_kana}`.trim(),
		insurerNumber: c.insurer_number,
		insuranceSymbol: c.insurance_symbol,
		insuranceNumber: c.insurance_number,
		consentSignedOn: c.signed_on,
		visitDate: c.service_date,
		feeItems: lines.filter((l) => l.charge_id === c.id).map((l) => ({ name: locale === 'ja' ? l.name_ja : l.name_en, amountJpy: l.amount_jpy })),
		insuranceFeeJpy: c.insurance_fee_jpy,
		sharePercent: c.share_percent,
		patientShareJpy: c.patient_share_jpy,
		claimJpy: c.insurer_claim_jpy
	}));
}

/** Months with insured visits (not voided), newest first, for the download list. */
export async function claimMonths(db: Db, limit = 24): Promise<Array<{ month: string; visits: number }>> {
	const month = sql<string>`substr(c.service_date, 1, 7)`;
	const rows = await db.kysely
		.selectFrom('charge as c')
		.leftJoin('charge_void as v', 'v.charge_id', 'c.id')
		.select([month.as('month'), (eb) => eb.fn.countAll<number | string>().as('visits')])
		.where('c.payer', '=', 'insurance')
		.where('v.charge_id', 'is', null)
		.groupBy(month)
		.orderBy(month, 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({ month: r.month, visits: Number(r.visits) }));
}
