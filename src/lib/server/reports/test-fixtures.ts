import { randomUUID } from 'node:crypto';
import { FIXTURE_APPOINTMENTS, FIXTURE_CHARGES, FIXTURE_CHECK_INS, FIXTURE_PAYMENTS, jst } from '../../domain/reports/report-fixture';
import type { Db } from '../db/database';
import { ensureClinic, insertStaff } from '../outcomes/test-fixtures';

const CLINIC = 'clinic-fuji-wellness';
const AT = '2027-05-01T00:00:00.000Z';

/** Where each fixture charge came from: the visit (and so the practitioner) it was made for. */
const CHARGE_VISITS: Record<string, { patient: string; appointment: string }> = {
	c1: { patient: 'p1', appointment: 'a1' },
	c2: { patient: 'p1', appointment: 'a3' },
	c3: { patient: 'p2', appointment: 'a6' },
	c4: { patient: 'p3', appointment: 'a11' },
	c5: { patient: 'p4', appointment: 'a12' }
};

/**
 * Writes the hand-counted fortnight of domain/reports/report-fixture.ts into an empty database,
 * with the two visits outside the period its charges need (a11 with B in May, a12 with A on
 * 15 June). Ids are the fixture's own, so the test can name them.
 */
export async function seedReportFixture(db: Db): Promise<void> {
	await ensureClinic(db);
	const staff = await insertStaff(db, 'owner');
	const k = db.kysely;
	await k.deleteFrom('opening_hours').execute();
	await k
		.insertInto('opening_hours')
		.values([1, 2, 3, 4, 5, 6].map((weekday) => ({ id: randomUUID(), clinic_id: CLINIC, weekday, opens: '09:00', closes: '18:00' })))
		.execute();
	const practitioner = (id: string, ja: string, en: string) => ({
		id,
		clinic_id: CLINIC,
		staff_id: null,
		family_name_ja: ja,
		given_name_ja: '',
		family_name_en: en,
		given_name_en: '',
		hari_licence: null,
		kyu_licence: null,
		active: 1
	});
	await k
		.insertInto('practitioner')
		.values([practitioner('A', '鈴木', 'Suzuki'), practitioner('B', '佐藤', 'Sato')])
		.execute();
	await k
		.insertInto('practitioner_hours')
		.values([
			...[1, 2, 3, 4, 5].map((weekday) => ({ id: randomUUID(), practitioner_id: 'A', weekday, starts: '09:00', ends: '17:00' })),
			...[2, 4].map((weekday) => ({ id: randomUUID(), practitioner_id: 'B', weekday, starts: '13:00', ends: '18:00' }))
		])
		.execute();
	await k
		.insertInto('practitioner_time_off')
		.values({ id: randomUUID(), practitioner_id: 'B', starts_at: jst('2027-06-03', '13:00'), ends_at: jst('2027-06-03', '15:00') })
		.execute();
	await k.insertInto('clinic_closure').values({ date: '2027-06-10' }).execute();
	await k
		.insertInto('bed')
		.values([
			{ id: 'bed1', clinic_id: CLINIC, name_ja: 'ベッド1', name_en: 'Bed 1', sort_order: 1 },
			{ id: 'bed2', clinic_id: CLINIC, name_ja: 'ベッド2', name_en: 'Bed 2', sort_order: 2 }
		])
		.execute();
	const service = (id: string, ja: string, price: number, addOn: boolean) => ({
		id,
		clinic_id: CLINIC,
		code: `R-${id}`,
		name_ja: ja,
		name_en: ja,
		duration_minutes: 45,
		buffer_minutes: 0,
		price_jpy: price,
		needs_bed: 1,
		new_patient_only: 0,
		bookable_online: 0,
		is_add_on: addOn ? 1 : 0,
		sort_order: 0
	});
	await k
		.insertInto('service')
		.values([service('S1', '鍼治療', 5500, false), service('S2', 'お灸', 1100, true)])
		.execute();
	await k
		.insertInto('patient')
		.values(
			['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({
				id,
				patient_number: `R-${id}`,
				family_name: '試験',
				given_name: id,
				family_name_kana: 'シケン',
				given_name_kana: id,
				email: `${id}@example.jp`,
				phone: '090-0000-0000',
				date_of_birth: null,
				preferred_locale: 'ja' as const,
				created_at: AT
			}))
		)
		.execute();
	const rows = [
		...FIXTURE_APPOINTMENTS,
		['a11', 'p3', 'B', null, '2027-05-20', '14:00', '15:00', 'completed'] as const,
		['a12', 'p4', 'A', null, '2027-06-15', '09:00', '10:00', 'completed'] as const
	];
	await k
		.insertInto('appointment')
		.values(
			rows.map(([id, patientId, practitionerId, bedId, day, start, end, status]) => ({
				id,
				patient_id: patientId,
				practitioner_id: practitionerId,
				bed_id: bedId,
				service_id: status === 'blocked' ? null : 'S1',
				starts_at: jst(day, start),
				ends_at: jst(day, end),
				held_until: jst(day, end),
				status,
				source: status === 'blocked' ? ('block' as const) : ('staff' as const),
				first_visit: 0,
				triage: null,
				manage_token_hash: null,
				locale: 'ja' as const,
				created_at: AT,
				cancelled_at: status === 'cancelled' ? AT : null
			}))
		)
		.execute();
	await k
		.insertInto('doctor_consent')
		.values({
			id: 'consent-p1',
			patient_id: 'p1',
			kind: 'initial',
			doctor_name: '医師',
			institution: '病院',
			signed_on: '2027-05-25',
			conditions: '["lumbago"]',
			first_treatment_on: '2027-06-02',
			expires_on: '2027-11-30',
			recorded_by: staff.id,
			created_at: AT
		})
		.execute();
	for (const charge of FIXTURE_CHARGES) {
		const visit = CHARGE_VISITS[charge.id]!;
		const insured = charge.payer === 'insurance';
		await k
			.insertInto('charge')
			.values({
				id: charge.id,
				clinic_id: CLINIC,
				patient_id: visit.patient,
				appointment_id: visit.appointment,
				service_date: charge.serviceDate,
				payer: charge.payer,
				consent_id: insured ? 'consent-p1' : null,
				share_percent: insured ? 30 : null,
				fee_schedule_from: insured ? '2024-06-01' : null,
				insurance_fee_jpy: insured ? charge.chargedJpy : 0,
				patient_share_jpy: insured ? charge.dueJpy : 0,
				insurer_claim_jpy: insured ? charge.chargedJpy - charge.dueJpy : 0,
				self_pay_jpy: insured ? 0 : charge.chargedJpy,
				tax_rate_percent: 10,
				consumption_tax_jpy: 0,
				due_jpy: charge.dueJpy,
				created_at: AT,
				created_by: staff.id
			})
			.execute();
		await k
			.insertInto('charge_line')
			.values(
				charge.lines.map((line, position) => ({
					id: randomUUID(),
					charge_id: charge.id,
					position,
					kind: line.kind,
					code: line.kind === 'insurance_fee' ? `fee-${position}` : `R-${line.serviceId}`,
					service_id: line.serviceId,
					name_ja: line.nameJa,
					name_en: line.nameEn,
					quantity: 1,
					unit_price_jpy: line.amountJpy,
					amount_jpy: line.amountJpy,
					taxable: line.kind === 'insurance_fee' ? 0 : 1
				}))
			)
			.execute();
		if (charge.voided) await k.insertInto('charge_void').values({ charge_id: charge.id, reason: 'テスト', voided_at: AT, voided_by: staff.id }).execute();
	}
	await k
		.insertInto('payment')
		.values(
			FIXTURE_PAYMENTS.map((p) => ({
				id: randomUUID(),
				charge_id: p.chargeId,
				patient_id: CHARGE_VISITS[p.chargeId]!.patient,
				kind: p.kind,
				method: 'cash' as const,
				amount_jpy: p.amountJpy,
				received_at: jst(p.receivedOn, '12:00'),
				recorded_by: staff.id
			}))
		)
		.execute();
	for (const [patientId, checkIns] of FIXTURE_CHECK_INS) {
		await k
			.insertInto('outcome_check_in')
			.values(
				checkIns.map((c) => ({
					id: c.id,
					patient_id: patientId,
					appointment_id: c.appointmentId,
					recorded_at: c.recordedAt,
					source: c.source,
					leg_pain: c.legPain,
					back_pain: null,
					psfs: null,
					sbi: null,
					pgic: null
				}))
			)
			.execute();
	}
}
