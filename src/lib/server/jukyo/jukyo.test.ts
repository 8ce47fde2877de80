import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { recordDoctorConsent, doctorConsentStatus } from '../billing/doctor-consent';
import { billingWorld, checkEligibility, CONSENT_INPUT, insuredPatient } from '../billing/test-fixtures';
import { createChargeForAppointment } from '../billing/create-charge';
import { insertVisit } from '../billing/test-fixtures';
import { insertStaff } from '../outcomes/test-fixtures';
import type { AuditActor } from '../audit/audit-log';
import { eligibilityStatus, eligibilityWarningsForPatients, recordEligibilityCheck, visitEligibility } from './eligibility';
import { claimReadiness, loadJukyoRegistration, saveJukyoRegistration } from './registration';

const NOW = new Date('2027-11-20T03:00:00.000Z');

const staffActor = (id: string): AuditActor => ({ type: 'staff', id, ip: null, requestId: null });

function registrationForm(practitionerId: string): Record<string, unknown> {
	return {
		facilityName: 'フジウェルネス鍼灸院',
		postalCode: '１３２００３１',
		address: '東京都江戸川区松島1丁目21-14',
		phone: '03-0000-0000',
		filingKind: 'clinic_address',
		filedOn: '2019-04-01',
		founderName: '藤田 誠',
		harikyuManagerId: practitionerId,
		harikyuNumber: '関東信越 は第1234号',
		harikyuStartOn: '2019-06-01',
		practitionerIds: [practitionerId],
		depositKind: 'ordinary',
		bankName: 'みらい銀行',
		branchName: '小岩支店',
		accountNumber: '1234567',
		holderKana: 'ﾌｼﾞﾀ ﾏｺﾄ',
		'submission.kumiai': '健康保険組合 各保険者',
		'deadline.kumiai': '10',
		onlineEligibilityFrom: '2024-11-01'
	};
}

describeEachDatabase('受領委任 registration and eligibility', (db) => {
	describe('the registration', () => {
		it('lets the owner save it, normalising what the desk typed, audits it, and names nothing missing', async () => {
			const world = await billingWorld(db());
			const owner = await insertStaff(db(), 'owner');
			const saved = await saveJukyoRegistration(db(), registrationForm(world.practitionerId), staffActor(owner.id), NOW);
			expect(saved).toMatchObject({
				ok: true,
				changed: true,
				registration: {
					facility: { postalCode: '132-0031' },
					account: { holderKana: 'フジタ マコト' },
					submissions: [{ insurerKind: 'kumiai', deadlineDay: 10 }]
				}
			});
			expect(await saveJukyoRegistration(db(), registrationForm(world.practitionerId), staffActor(owner.id), NOW)).toMatchObject({ ok: true, changed: false });
			const loaded = await loadJukyoRegistration(db());
			expect(loaded.practitioners).toEqual([expect.objectContaining({ id: world.practitionerId, hariLicence: '第1号', kyuLicence: '第2号' })]);
			const audit = await db()
				.kysely.selectFrom('audit_log')
				.select('detail')
				.where('action', '=', 'jukyo_registration.save')
				.where('actor_id', '=', owner.id)
				.execute();
			expect(audit).toHaveLength(1);
			expect((await claimReadiness(db(), '2027-11')).items).toEqual([]);
		});

		it('refuses reception, bad formats with localized field keys, and a manager without both licences', async () => {
			const world = await billingWorld(db());
			const owner = await insertStaff(db(), 'owner');
			expect(await saveJukyoRegistration(db(), registrationForm(world.practitionerId), world.actor, NOW)).toEqual({ ok: false, code: 'forbidden' });
			const bad = await saveJukyoRegistration(
				db(),
				{
					...registrationForm(world.practitionerId),
					postalCode: '13200',
					accountNumber: '12-34',
					holderKana: '藤田',
					'deadline.kumiai': '32',
					'deadline.kyokai': '10'
				},
				staffActor(owner.id),
				NOW
			);
			expect(bad).toEqual({
				ok: false,
				code: 'invalid',
				fields: {
					postalCode: 'jukyoRegistration.error.postalCode',
					accountNumber: 'jukyoRegistration.error.accountNumber',
					holderKana: 'jukyoRegistration.error.holderKana',
					'deadline.kumiai': 'jukyoRegistration.error.deadlineDay',
					'submission.kyokai': 'jukyoRegistration.error.destination'
				}
			});
			await db().kysely.updateTable('practitioner').set({ kyu_licence: null }).where('id', '=', world.practitionerId).execute();
			expect(await saveJukyoRegistration(db(), registrationForm(world.practitionerId), staffActor(owner.id), NOW)).toEqual({
				ok: false,
				code: 'invalid',
				fields: { harikyuManagerId: 'jukyoRegistration.error.managerLicence' }
			});
		});

		it('names on the claims page the 提出先 a month’s insured charges need', async () => {
			const world = await billingWorld(db());
			const owner = await insertStaff(db(), 'owner');
			expect((await saveJukyoRegistration(db(), registrationForm(world.practitionerId), staffActor(owner.id), NOW)).ok).toBe(true);
			const patientId = await insuredPatient(db(), { insurerNumber: '01130012' });
			expect((await recordDoctorConsent(db(), patientId, { ...CONSENT_INPUT, signedOn: '2027-10-01' }, world.actor, { now: NOW })).ok).toBe(true);
			await checkEligibility(db(), world, patientId, '2027-10-04', { insurerNumber: '01130012' });
			expect(
				await createChargeForAppointment(db(), await insertVisit(db(), world, patientId, '2027-10-04T01:00:00.000Z'), { payer: 'insurance' }, world.actor, {
					now: NOW
				})
			).toMatchObject({ ok: true });
			expect(await claimReadiness(db(), '2027-10')).toMatchObject({ items: ['submissions'], submissionsMissing: ['kyokai'] });
		});
	});

	describe('eligibility checks', () => {
		it('records a check with who and when, and reads it back audited, covering the month', async () => {
			const world = await billingWorld(db());
			const patientId = await insuredPatient(db());
			const recorded = await recordEligibilityCheck(
				db(),
				patientId,
				{
					method: 'eligibility_certificate',
					checkedOn: '2027-11-20',
					insuranceKind: 'kohi',
					holderKind: 'kazoku',
					benefitPercent: '80',
					insurerNumber: '１３８０５７',
					insuranceNumber: '12',
					insuranceBranch: '01',
					validUntil: '2027-12-10',
					publicPayerNumber: '54136015',
					publicRecipientNumber: '1234567',
					insuredName: '山田 太郎',
					insuredRelation: '子'
				},
				world.actor,
				{ now: NOW }
			);
			expect(recorded).toMatchObject({
				ok: true,
				check: {
					insurerNumber: '138057',
					benefitPercent: 80,
					recordedBy: world.staffId,
					checkedAt: NOW.toISOString(),
					insured: { name: '山田 太郎', relation: '子', postalCode: '', address: '', phone: '' }
				}
			});
			const status = await eligibilityStatus(db(), patientId, world.actor, { now: NOW });
			expect(status).toMatchObject({
				ok: true,
				today: '2027-11-20',
				cover: { covered: true },
				warning: { status: 'expiring', validUntil: '2027-12-10', daysLeft: 20 }
			});
			expect((await eligibilityWarningsForPatients(db(), [patientId], { today: '2027-12-11' })).get(patientId)).toEqual({
				status: 'expired',
				validUntil: '2027-12-10',
				daysLeft: -1
			});
			const audit = await db().kysely.selectFrom('audit_log').select('action').where('patient_id', '=', patientId).execute();
			expect(audit.map((a) => a.action).sort()).toEqual(['eligibility_check.read', 'eligibility_check.record']);
			// The charge page asks for a check in December.
			expect(await visitEligibility(db(), patientId, '2027-12-01', world.actor)).toMatchObject({
				insuredPatient: true,
				covered: false,
				reason: 'no_eligibility_this_month'
			});
			expect(await visitEligibility(db(), patientId, '2027-11-21', world.actor)).toMatchObject({ covered: true, sharePercent: 20 });
		});

		it('refuses an incomplete confirmed check, a future day and another patient’s visit, storing nothing', async () => {
			const world = await billingWorld(db());
			const patientId = await insuredPatient(db());
			const other = await insuredPatient(db());
			const otherVisit = await insertVisit(db(), world, other, '2027-11-20T01:00:00.000Z');
			expect(
				await recordEligibilityCheck(
					db(),
					patientId,
					{ method: 'myna_app', checkedOn: '2027-11-20', insurerNumber: '1234', publicPayerNumber: '12345678' },
					world.actor,
					{ now: NOW }
				)
			).toEqual({
				ok: false,
				code: 'invalid',
				fields: { insurerNumber: 'jukyoRegistration.error.insurerNumber' }
			});
			expect(await recordEligibilityCheck(db(), patientId, { method: 'myna_app', checkedOn: '2027-11-20' }, world.actor, { now: NOW })).toMatchObject({
				code: 'invalid',
				fields: {
					insuranceKind: 'jukyoRegistration.error.requiredWhenConfirmed',
					holderKind: 'jukyoRegistration.error.requiredWhenConfirmed',
					insurerNumber: 'jukyoRegistration.error.requiredWhenConfirmed'
				}
			});
			const complete = {
				method: 'myna_app',
				insuranceKind: 'shakoku',
				holderKind: 'honnin',
				benefitPercent: '70',
				insurerNumber: '06130012',
				insuranceNumber: '345'
			};
			expect(
				await recordEligibilityCheck(db(), patientId, { ...complete, checkedOn: '2027-11-20', publicPayerNumber: '12345678' }, world.actor, { now: NOW })
			).toEqual({ ok: false, code: 'invalid', fields: { publicRecipientNumber: 'jukyoRegistration.error.publicPair' } });
			expect(await recordEligibilityCheck(db(), patientId, { ...complete, checkedOn: '2027-11-21' }, world.actor, { now: NOW })).toEqual({
				ok: false,
				code: 'invalid',
				fields: { checkedOn: 'jukyoRegistration.error.dateInFuture' }
			});
			expect(
				await recordEligibilityCheck(db(), patientId, { ...complete, checkedOn: '2027-11-20', appointmentId: otherVisit }, world.actor, { now: NOW })
			).toEqual({ ok: false, code: 'invalid', fields: { appointmentId: 'jukyoRegistration.error.appointment' } });
			expect(await db().kysely.selectFrom('eligibility_check').select('id').where('patient_id', '=', patientId).execute()).toEqual([]);
		});
	});

	it('keeps every field of the 同意書, and a 再同意 starts a new period on its day', async () => {
		const world = await billingWorld(db());
		const patientId = await insuredPatient(db());
		const full = {
			...CONSENT_INPUT,
			signedOn: '2027-05-10',
			institutionAddress: '東京都江戸川区中央1-1-1',
			symptoms: '右下肢のしびれと痛み',
			onsetOn: '2027-04-01',
			examinedOn: '2027-05-08',
			homeVisitNeeded: 'on',
			homeVisitReason: '独歩による公共交通機関を使っての外出が困難',
			carePeriod: '6か月',
			remarks: ''
		};
		const recorded = await recordDoctorConsent(db(), patientId, full, world.actor, { now: NOW });
		expect(recorded).toMatchObject({
			ok: true,
			consent: {
				institutionAddress: '東京都江戸川区中央1-1-1',
				symptoms: '右下肢のしびれと痛み',
				onsetOn: '2027-04-01',
				examinedOn: '2027-05-08',
				homeVisitNeeded: true,
				carePeriod: '6か月'
			}
		});
		expect(await recordDoctorConsent(db(), patientId, { ...full, homeVisitReason: '', examinedOn: '2027-05-11' }, world.actor, { now: NOW })).toMatchObject({
			code: 'invalid',
			fields: { examinedOn: 'jukyoRegistration.error.examinedAfterSigning', homeVisitReason: 'jukyoRegistration.error.homeVisitReason' }
		});
		const renewal = await recordDoctorConsent(db(), patientId, { ...full, kind: 'renewal', signedOn: '2027-11-18', examinedOn: '2027-11-18' }, world.actor, {
			now: NOW
		});
		expect(renewal).toMatchObject({ ok: true, consent: { kind: 'renewal', firstTreatmentOn: '2027-11-18', expiresOn: '2028-05-31' } });
		const status = await doctorConsentStatus(db(), patientId, world.actor, { now: NOW });
		expect(status.ok && status.current?.id).toBe(renewal.ok ? renewal.id : null);
	});
});
