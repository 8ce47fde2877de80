import { randomUUID } from 'node:crypto';
import { expiresOn, taxOfSale } from '../../domain/packages/terms';
import { addDays, localDate, localInstant } from '../../domain/time';
import type { Db } from '../db/database';
import { registerFields } from '../patients/register-fields';
import { demoVisitContext } from './demo-visit-context';

/*
 * The demo prepaid courses (issue #18): a 5-visit and a 10-visit 回数券 on sale, and 森 陽子 with
 * a 10-visit course bought 40 days ago, paid in full, five visits used: half left.
 */
export async function seedDemoPackages(db: Db, now = db.clock.now().getTime()): Promise<void> {
	const { clinic, service } = await demoVisitContext(db);
	const clinicRow = await db.kysely.selectFrom('clinic').select('id').orderBy('id').executeTakeFirstOrThrow();
	const desk = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'reception').orderBy('email').executeTakeFirstOrThrow();
	const iso = (ms: number) => new Date(ms).toISOString();
	const at = iso(now);
	const types = [
		{ id: randomUUID(), name_ja: '鍼治療 5回券', name_en: 'Acupuncture, 5 visits', visit_count: 5, price_jpy: 25_000, validity_months: 6 },
		{ id: randomUUID(), name_ja: '鍼治療 10回券', name_en: 'Acupuncture, 10 visits', visit_count: 10, price_jpy: 48_000, validity_months: 12 }
	];
	for (const type of types) {
		await db.kysely
			.insertInto('package_type')
			.values({
				...type,
				clinic_id: clinicRow.id,
				kind: 'course',
				service_ids: JSON.stringify([service.id]),
				family_shareable: 1,
				sold_online: type === types[0] ? 1 : 0,
				retired_at: null,
				created_at: at,
				updated_at: at
			})
			.execute();
	}

	const today = localDate(now, clinic.time_zone);
	const soldOn = addDays(today, -40);
	const soldAt = localInstant(soldOn, '10:30', clinic.time_zone);
	const patientId = randomUUID();
	const name = { familyName: '森', givenName: '陽子', familyNameKana: 'モリ', givenNameKana: 'ヨウコ' };
	await db.kysely
		.insertInto('patient')
		.values({
			id: patientId,
			family_name: name.familyName,
			given_name: name.givenName,
			family_name_kana: name.familyNameKana,
			given_name_kana: name.givenNameKana,
			email: 'package1@example.jp',
			phone: '090-0000-0201',
			date_of_birth: null,
			preferred_locale: 'ja',
			created_at: iso(soldAt - 86_400_000),
			...(await registerFields(db, name))
		})
		.execute();
	const type = types[1]!;
	const tax = taxOfSale(type.price_jpy, soldOn);
	const chargeId = randomUUID();
	await db.kysely
		.insertInto('charge')
		.values({
			id: chargeId,
			clinic_id: clinicRow.id,
			patient_id: patientId,
			appointment_id: null,
			service_date: soldOn,
			payer: 'self_pay',
			consent_id: null,
			share_percent: null,
			fee_schedule_from: null,
			insurance_fee_jpy: 0,
			patient_share_jpy: 0,
			insurer_claim_jpy: 0,
			self_pay_jpy: type.price_jpy,
			tax_rate_percent: tax.ratePercent,
			consumption_tax_jpy: tax.taxJpy,
			due_jpy: type.price_jpy,
			created_at: iso(soldAt),
			created_by: desk.id
		})
		.execute();
	await db.kysely
		.insertInto('charge_line')
		.values({
			id: randomUUID(),
			charge_id: chargeId,
			position: 0,
			kind: 'service',
			code: 'package',
			service_id: null,
			name_ja: type.name_ja,
			name_en: type.name_en,
			quantity: 1,
			unit_price_jpy: type.price_jpy,
			amount_jpy: type.price_jpy,
			taxable: 1
		})
		.execute();
	await db.kysely
		.insertInto('payment')
		.values({
			id: randomUUID(),
			charge_id: chargeId,
			patient_id: patientId,
			kind: 'payment',
			method: 'card',
			amount_jpy: type.price_jpy,
			received_at: iso(soldAt),
			reason: '',
			recorded_by: desk.id
		})
		.execute();
	const saleId = randomUUID();
	await db.kysely
		.insertInto('package_sale')
		.values({
			id: saleId,
			clinic_id: clinicRow.id,
			patient_id: patientId,
			package_type_id: type.id,
			charge_id: chargeId,
			kind: 'course',
			name_ja: type.name_ja,
			name_en: type.name_en,
			service_ids: JSON.stringify([service.id]),
			visit_count: type.visit_count,
			price_jpy: type.price_jpy,
			validity_months: type.validity_months,
			family_shareable: 1,
			sold_on: soldOn,
			expires_on: expiresOn(soldOn, type.validity_months),
			sold_at: iso(soldAt),
			sold_by: desk.id
		})
		.execute();
	// Five weekly visits used; they were charged at the desk in the course's name.
	for (let n = 1; n <= 5; n++) {
		const usedAt = localInstant(addDays(soldOn, 7 * (n - 1)), '11:30', clinic.time_zone);
		await db.kysely
			.insertInto('package_entry')
			.values({
				id: randomUUID(),
				package_sale_id: saleId,
				entry_number: n,
				kind: 'use',
				sequence: n,
				patient_id: patientId,
				appointment_id: null,
				charge_id: null,
				visits: 1,
				fee_jpy: 0,
				amount_jpy: 0,
				method: null,
				detail: '{}',
				entered_at: iso(usedAt),
				recorded_by: desk.id
			})
			.execute();
	}
}
