import { randomUUID } from 'node:crypto';
import { addDays, localDate, localInstant, weekdayOf } from '../../domain/time';
import type { AuditActor } from '../audit/audit-log';
import { createChargeForAppointment } from '../billing/create-charge';
import { recordDoctorConsent } from '../billing/doctor-consent';
import { recordPayment } from '../billing/record-payment';
import { recordVerbalTreatmentConsent } from '../consent/record-verbal-consent';
import type { Db } from '../db/database';
import { recordEligibilityCheck } from '../jukyo/eligibility';
import { loadJukyoRegistration, saveJukyoRegistration } from '../jukyo/registration';
import { registerFields } from '../patients/register-fields';
import { seedDemoEarlierSessions } from './demo-record';
import { recordMonthConfirmation } from '../jukyo-claim/month-confirmations';

/*
 * A complete 受領委任 month in the demo clinic (issue #19): an insured sciatica patient (国保, 本人,
 * 7割給付) whose whole previous month — relative to the clock the seed is given — is on record and
 * ready to claim: a 同意書 signed before the month, the month's eligibility check, every Tuesday of
 * the month treated (the session closed with every needle out), charged to insurance and paid. So
 * `/staff/insurance/claims` for last month shows a draft with nothing blocking it and prints its
 * 申請書. Written through the use cases; only the patient and the past visits are rows, as no use
 * case books a visit in the past.
 */

const TUESDAY = 2;
export const DEMO_MONTH_PATIENT_EMAIL = 'claim-month@example.jp';

/** The month before the one `today` ('YYYY-MM-DD') falls in, as 'YYYY-MM'. */
export function previousMonth(today: string): string {
	return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

/** The Tuesdays of a month ('YYYY-MM'). */
export function tuesdaysOf(month: string): string[] {
	const first = `${month}-01`;
	const days: string[] = [];
	for (let day = addDays(first, (TUESDAY - weekdayOf(first) + 7) % 7); day.startsWith(month); day = addDays(day, 7)) days.push(day);
	return days;
}

export async function seedDemoJukyoMonth(db: Db, now = db.clock.now()): Promise<void> {
	const clinic = await db.kysely
		.selectFrom('clinic')
		.select(['time_zone', 'name_ja', 'postal_code', 'address_ja', 'phone', 'operator_name_ja'])
		.executeTakeFirstOrThrow();
	const service = await db.kysely
		.selectFrom('service')
		.select(['id', 'duration_minutes', 'buffer_minutes'])
		.where('code', '=', 'FOLLOW')
		.executeTakeFirstOrThrow();
	// The two practitioners with an account and both licences (2術 may be charged), the 施術管理者 first.
	const treating = await db.kysely
		.selectFrom('practitioner')
		.innerJoin('staff', 'staff.id', 'practitioner.staff_id')
		.select(['practitioner.id', 'practitioner.staff_id', 'staff.role'])
		.where('practitioner.active', '=', 1)
		.where('practitioner.hari_licence', 'is not', null)
		.where('practitioner.kyu_licence', 'is not', null)
		.orderBy('practitioner.family_name_en')
		.execute();
	const reception = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'reception').orderBy('created_at').executeTakeFirstOrThrow();
	const owner = await db.kysely.selectFrom('staff').select('id').where('role', '=', 'owner').orderBy('created_at').executeTakeFirstOrThrow();
	if (treating.length === 0) throw new Error('demo claim month: no practitioner with both licences and an account');
	const actor = (id: string): AuditActor => ({ type: 'staff', id, ip: null, requestId: null });
	const desk = actor(reception.id);

	await ensureRegistration(
		db,
		clinic,
		treating.map((p) => p.id),
		actor(owner.id),
		now
	);

	const today = localDate(now.getTime(), clinic.time_zone);
	const month = previousMonth(today);
	const days = tuesdaysOf(month);
	const firstDay = days[0]!;
	const at = (day: string, time: string) => localInstant(day, time, clinic.time_zone);
	const patientId = randomUUID();
	const person = { familyName: '中島', givenName: '正子', familyNameKana: 'ナカジマ', givenNameKana: 'マサコ' };
	await db.kysely
		.insertInto('patient')
		.values({
			id: patientId,
			family_name: person.familyName,
			given_name: person.givenName,
			family_name_kana: person.familyNameKana,
			given_name_kana: person.givenNameKana,
			email: DEMO_MONTH_PATIENT_EMAIL,
			phone: '090-0000-0301',
			date_of_birth: '1962-10-08',
			sex: 'female',
			postal_code: '132-0024',
			address: '東京都江戸川区一之江3丁目2-1',
			preferred_locale: 'ja',
			insurer_number: '138016',
			insurance_symbol: '江戸川',
			insurance_number: '20481',
			created_at: new Date(at(addDays(`${month}-01`, -14), '09:00')).toISOString(),
			...(await registerFields(db, person))
		})
		.execute();
	const consentGiven = await recordVerbalTreatmentConsent(db, patientId, { confirm: 'on' }, desk, new Date(at(firstDay, '13:50')));
	if (!consentGiven.ok) throw new Error(`demo claim month, treatment consent: ${consentGiven.code}`);
	const signedOn = addDays(`${month}-01`, -10);
	const consent = await recordDoctorConsent(
		db,
		patientId,
		{
			doctorName: '小林 直樹',
			institution: '一之江整形外科クリニック',
			institutionAddress: '東京都江戸川区一之江8丁目1-3',
			signedOn,
			conditions: ['neuralgia'],
			conditionNote: '坐骨神経痛',
			symptoms: '左臀部から大腿後面にかけての痛みとしびれ、長く座ると増悪',
			onsetOn: addDays(signedOn, -30),
			examinedOn: signedOn,
			carePeriod: '6か月'
		},
		desk,
		{ now }
	);
	if (!consent.ok) throw new Error(`demo claim month, consent: ${consent.code}`);
	const checked = await recordEligibilityCheck(
		db,
		patientId,
		{
			method: 'myna_app',
			checkedOn: firstDay,
			insuranceKind: 'shakoku',
			holderKind: 'honnin',
			benefitPercent: 70,
			insurerNumber: '138016',
			insuranceSymbol: '江戸川',
			insuranceNumber: '20481',
			insuranceBranch: ''
		},
		desk,
		{ now: new Date(at(firstDay, '13:45')) }
	);
	if (!checked.ok) throw new Error(`demo claim month, eligibility: ${checked.code}`);

	for (const [i, day] of days.entries()) {
		// The 施術管理者 and the other practitioner take turns: the 施術証明 names both with their days.
		const practitioner = treating[i % treating.length]!;
		const start = at(day, '14:00');
		const end = start + service.duration_minutes * 60_000;
		const id = randomUUID();
		const iso = (ms: number) => new Date(ms).toISOString();
		await db.kysely
			.insertInto('appointment')
			.values({
				id,
				patient_id: patientId,
				practitioner_id: practitioner.id,
				bed_id: null,
				service_id: service.id,
				starts_at: iso(start),
				ends_at: iso(end),
				held_until: iso(end + service.buffer_minutes * 60_000),
				status: 'completed',
				source: 'staff',
				first_visit: i === 0 ? 1 : 0,
				triage: null,
				manage_token_hash: null,
				locale: 'ja',
				created_at: iso(start - 7 * 86_400_000),
				cancelled_at: null
			})
			.execute();
		await seedDemoEarlierSessions(db, patientId, [{ id, startsAt: start }], practitioner.staff_id!, clinic.time_zone);
		const charged = await createChargeForAppointment(db, id, { payer: 'insurance' }, desk, { now: new Date(end + 5 * 60_000) });
		if (!charged.ok) throw new Error(`demo claim month, charge ${day}: ${charged.code}`);
		const paid = await recordPayment(db, charged.chargeId, { method: 'cash', amountJpy: charged.charge.patientDueJpy }, desk, {
			now: new Date(end + 6 * 60_000)
		});
		if (!paid.ok) throw new Error(`demo claim month, payment ${day}: ${paid.code}`);
	}
	// She confirmed the month's days and signed at its last visit (docs/jukyo-claim.md §11).
	const lastDay = days.at(-1)!;
	const signed = await recordMonthConfirmation(db, patientId, { month, date: days, agree: 'on', signerKind: 'patient', signerName: '中島 正子' }, desk, {
		now: new Date(at(lastDay, '15:10'))
	});
	if (!signed.ok) throw new Error(`demo claim month, signature: ${signed.code}`);
}

/** The clinic's 受領委任 registration, saved only when the demo has none yet (demo-jukyo.ts saves the full one). */
async function ensureRegistration(
	db: Db,
	clinic: { name_ja: string; postal_code: string; address_ja: string; phone: string; operator_name_ja: string },
	practitionerIds: string[],
	owner: AuditActor,
	now: Date
) {
	const { registration } = await loadJukyoRegistration(db);
	if (registration.managers.some((m) => m.licence === 'harikyu' && m.practitionerId)) return;
	const saved = await saveJukyoRegistration(
		db,
		{
			facilityName: clinic.name_ja,
			postalCode: clinic.postal_code,
			address: clinic.address_ja,
			phone: clinic.phone,
			filingKind: 'clinic_address',
			filedOn: '2019-04-01',
			founderName: clinic.operator_name_ja,
			harikyuManagerId: practitionerIds[0]!,
			harikyuNumber: '関東信越 は9000101',
			harikyuStartOn: '2019-06-01',
			practitionerIds,
			depositKind: 'ordinary',
			bankName: 'ふじみ銀行',
			branchName: '松島支店',
			accountNumber: '0123456',
			holderKana: 'フジタ マコト',
			'submission.kokuho': '東京都国民健康保険団体連合会',
			'deadline.kokuho': '10',
			onlineEligibilityFrom: '2024-11-01'
		},
		owner,
		now
	);
	if (!saved.ok) throw new Error(`demo claim month, registration: ${saved.code}`);
}
