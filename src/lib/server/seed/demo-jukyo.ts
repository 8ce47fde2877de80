import { randomUUID } from 'node:crypto';
import { addDays, localDate, localInstant } from '../../domain/time';
import type { AuditActor } from '../audit/audit-log';
import { createChargeForAppointment } from '../billing/create-charge';
import { recordDoctorConsent } from '../billing/doctor-consent';
import type { Db } from '../db/database';
import { recordEligibilityCheck } from '../jukyo/eligibility';
import { saveJukyoRegistration } from '../jukyo/registration';
import { registerFields } from '../patients/register-fields';
import { demoVisitContext } from './demo-visit-context';

/*
 * 受領委任 in the demo clinic (issue #19): the clinic's registration filled in with fictional but
 * well-formed numbers, and one insured sciatica patient (神経痛) with a doctor's consent, an
 * eligibility check for last month and this month, and this month's first insured visit charged.
 */
export async function seedDemoJukyo(db: Db, now = db.clock.now()): Promise<void> {
	const { clinic, service, practitioner } = await demoVisitContext(db);
	const owner = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'owner').orderBy('created_at').executeTakeFirstOrThrow();
	const reception = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'reception').orderBy('created_at').executeTakeFirstOrThrow();
	const details = await db.kysely.selectFrom('clinic').select(['name_ja', 'postal_code', 'address_ja', 'phone', 'operator_name_ja']).executeTakeFirstOrThrow();
	const licensed = await db.kysely.selectFrom('practitioner').select(['id', 'hari_licence', 'kyu_licence']).where('active', '=', 1).execute();
	const manager = licensed.find((p) => p.id === practitioner.id && p.hari_licence && p.kyu_licence) ?? licensed.find((p) => p.hari_licence && p.kyu_licence);
	const actor = (id: string): AuditActor => ({ type: 'staff', id, ip: null, requestId: null });

	const saved = await saveJukyoRegistration(
		db,
		{
			facilityName: details.name_ja,
			postalCode: details.postal_code,
			address: details.address_ja,
			phone: details.phone,
			filingKind: 'clinic_address',
			filedOn: '2019-04-01',
			founderName: details.operator_name_ja,
			harikyuManagerId: manager?.id ?? '',
			harikyuNumber: '関東信越 は9000101',
			harikyuStartOn: '2019-06-01',
			practitionerIds: licensed.filter((p) => p.hari_licence || p.kyu_licence).map((p) => p.id),
			depositKind: 'ordinary',
			bankName: 'ふじみ銀行',
			branchName: '松島支店',
			accountNumber: '0123456',
			holderKana: 'フジタ マコト',
			'submission.kokuho': '東京都国民健康保険団体連合会',
			'deadline.kokuho': '10',
			'submission.koki': '東京都国民健康保険団体連合会（後期高齢者医療）',
			'deadline.koki': '10',
			'submission.kyokai': '全国健康保険協会 東京支部',
			'deadline.kyokai': '10',
			onlineEligibilityFrom: '2024-11-01'
		},
		actor(owner.id),
		now
	);
	if (!saved.ok) throw new Error(`demo registration: ${saved.code} ${JSON.stringify('fields' in saved ? saved.fields : {})}`);

	const today = localDate(now.getTime(), clinic.time_zone);
	const firstOfMonth = `${today.slice(0, 7)}-01`;
	const lastMonthDay = addDays(firstOfMonth, -20);
	const patientId = randomUUID();
	const person = { familyName: '山口', givenName: '健一', familyNameKana: 'ヤマグチ', givenNameKana: 'ケンイチ' };
	await db.kysely
		.insertInto('patient')
		.values({
			id: patientId,
			family_name: person.familyName,
			given_name: person.givenName,
			family_name_kana: person.familyNameKana,
			given_name_kana: person.givenNameKana,
			email: 'insured@example.jp',
			phone: '090-0000-0201',
			date_of_birth: '1968-04-12',
			preferred_locale: 'ja',
			insurer_number: '01130012',
			insurance_symbol: '7012',
			insurance_number: '345',
			created_at: new Date(localInstant(lastMonthDay, '09:00', clinic.time_zone)).toISOString(),
			...(await registerFields(db, person))
		})
		.execute();
	const consent = await recordDoctorConsent(
		db,
		patientId,
		{
			doctorName: '田中 一郎',
			institution: '江戸川中央クリニック',
			institutionAddress: '東京都江戸川区中央1丁目4-1',
			signedOn: addDays(lastMonthDay, -3),
			conditions: ['neuralgia'],
			conditionNote: '坐骨神経痛',
			symptoms: '右臀部から下腿後面にかけての痛みとしびれ',
			onsetOn: addDays(lastMonthDay, -40),
			examinedOn: addDays(lastMonthDay, -3),
			carePeriod: '6か月'
		},
		actor(reception.id),
		{ now }
	);
	if (!consent.ok) throw new Error(`demo consent: ${consent.code}`);
	const card = {
		method: 'eligibility_certificate',
		insuranceKind: 'shakoku',
		holderKind: 'honnin',
		benefitPercent: 70,
		insurerNumber: '01130012',
		insuranceSymbol: '7012',
		insuranceNumber: '345',
		insuranceBranch: '00',
		validFrom: '2025-12-02',
		validUntil: addDays(firstOfMonth, 400)
	};
	for (const checkedOn of [lastMonthDay, firstOfMonth]) {
		const checked = await recordEligibilityCheck(db, patientId, { ...card, checkedOn }, actor(reception.id), {
			now: new Date(localInstant(checkedOn, '10:00', clinic.time_zone))
		});
		if (!checked.ok) throw new Error(`demo eligibility: ${checked.code}`);
	}
	// This month's first insured visit, on the 1st (today when today is the 1st), charged under the consent.
	const start = localInstant(firstOfMonth, '10:00', clinic.time_zone);
	if (start > now.getTime()) return;
	const end = start + service.duration_minutes * 60_000;
	const appointmentId = randomUUID();
	await db.kysely
		.insertInto('appointment')
		.values({
			id: appointmentId,
			patient_id: patientId,
			practitioner_id: practitioner.id,
			bed_id: null,
			service_id: service.id,
			starts_at: new Date(start).toISOString(),
			ends_at: new Date(end).toISOString(),
			held_until: new Date(end).toISOString(),
			status: 'completed',
			source: 'staff',
			first_visit: 0,
			triage: null,
			manage_token_hash: null,
			locale: 'ja',
			created_at: new Date(start - 86_400_000).toISOString(),
			cancelled_at: null
		})
		.execute();
	const charged = await createChargeForAppointment(db, appointmentId, { payer: 'insurance' }, actor(reception.id), { now });
	if (!charged.ok) throw new Error(`demo insured charge: ${charged.code}`);
}
