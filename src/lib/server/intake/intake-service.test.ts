import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { calmIntake } from '../../domain/intake/fixtures';
import { toFormValues } from '../../domain/intake/form-fields';
import { ANSWER_STEPS } from '../../domain/intake/steps';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { giveConsent } from '../consent/test-fixtures';
import { createMailer } from '../mail/mailer';
import { seedDemoClinic } from '../seed/demo-clinic';
import {
	acknowledgeRedFlag,
	getOrStartIntake,
	latestIntakeSummary,
	latestSafetyAlerts,
	listOpenRedFlags,
	safetyAlertsForPatients,
	saveIntakeStep,
	submitIntake
} from './intake-service';

const mailer = createMailer(undefined);
const NOW = new Date('2026-05-01T00:00:00Z');
const DESCRIPTION = 'Shooting pain down the back of my left leg';

async function addPatient(db: Db, number: string): Promise<string> {
	const id = randomUUID();
	await db.kysely
		.insertInto('patient')
		.values({
			id,
			family_name: '山田',
			given_name: '花子',
			family_name_kana: '',
			given_name_kana: '',
			email: '',
			phone: '090-0000-0001',
			date_of_birth: '1970-03-10',
			preferred_locale: 'ja',
			created_at: NOW.toISOString(),
			patient_number: number
		})
		.execute();
	await giveConsent(db, id, ['privacy']);
	return id;
}

async function addAppointment(db: Db, patientId: string, startsAt: string, status: 'booked' | 'cancelled' = 'booked'): Promise<string> {
	const practitioner = await db.kysely.selectFrom('practitioner').select('id').executeTakeFirstOrThrow();
	const id = randomUUID();
	const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
	await db.kysely
		.insertInto('appointment')
		.values({
			id,
			patient_id: patientId,
			practitioner_id: practitioner.id,
			bed_id: null,
			service_id: null,
			starts_at: startsAt,
			ends_at: endsAt,
			held_until: endsAt,
			status,
			source: 'staff',
			first_visit: 1,
			triage: null,
			manage_token_hash: null,
			locale: 'ja',
			created_at: NOW.toISOString(),
			cancelled_at: null
		})
		.execute();
	return id;
}

async function fillEveryStep(db: Db, intakeId: string, actor: AuditActor, answers = calmIntake(), options = {}) {
	for (const step of ANSWER_STEPS) {
		const result = await saveIntakeStep(db, intakeId, step, toFormValues(step, answers), actor, { now: NOW, ...options });
		expect(result, step).toMatchObject({ ok: true });
	}
}

async function auditRows(db: Db, action: string) {
	return db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
}

describeEachDatabase('the intake questionnaire', (db) => {
	let staffId = '';
	let patientId = '';
	let nextVisit = '';
	let patientActor: AuditActor;
	let staff: AuditActor;

	beforeAll(async () => {
		await seedDemoClinic(db());
		staffId = (await db().kysely.selectFrom('staff').select('id').where('role', '=', 'practitioner').executeTakeFirstOrThrow()).id;
		staff = { type: 'staff', id: staffId, ip: null, requestId: null };
		patientId = await addPatient(db(), 'P-0001');
		patientActor = { type: 'patient', id: patientId, ip: '127.0.0.1', requestId: 'r1' };
		await addAppointment(db(), patientId, '2026-04-20T01:00:00.000Z');
		await addAppointment(db(), patientId, '2026-05-02T01:00:00.000Z', 'cancelled');
		await addAppointment(db(), patientId, '2026-05-09T01:00:00.000Z');
		nextVisit = await addAppointment(db(), patientId, '2026-05-03T01:00:00.000Z');
	});

	it('starts an intake for the next upcoming visit, then resumes the same one', async () => {
		const intake = await getOrStartIntake(db(), patientId, patientActor, { now: NOW });
		expect(intake).toMatchObject({ patientId, appointmentId: nextVisit, status: 'in_progress', currentStep: 'history', answers: {}, enteredByStaffId: null });
		expect((await getOrStartIntake(db(), patientId, patientActor, { now: NOW }))!.id).toBe(intake!.id);
		expect(await auditRows(db(), 'intake.start')).toHaveLength(1);
		expect((await auditRows(db(), 'intake.read')).at(-1)).toMatchObject({ actor_type: 'patient', actor_id: patientId, patient_id: patientId });
	});

	it('starts nothing for an unknown patient', async () => {
		expect(await getOrStartIntake(db(), randomUUID(), staff)).toBeNull();
	});

	it('saves a valid step, moves on, and audits the step but not the answers', async () => {
		const intake = (await getOrStartIntake(db(), patientId, patientActor))!;
		const values = { ...toFormValues('complaint', calmIntake()), description: DESCRIPTION };
		expect(await saveIntakeStep(db(), intake.id, 'complaint', values, patientActor, { patientId, now: NOW })).toEqual({ ok: true, next: 'red-flags' });
		const row = await db().kysely.selectFrom('intake').selectAll().where('id', '=', intake.id).executeTakeFirstOrThrow();
		expect(row.current_step).toBe('red-flags');
		expect(JSON.parse(row.answers).complaint.description).toBe(DESCRIPTION);
		const audit = await auditRows(db(), 'intake.save_step');
		expect(JSON.parse(audit.at(-1)!.detail!)).toEqual({ step: 'complaint' });
		const everything = await db().kysely.selectFrom('audit_log').select('detail').execute();
		expect(everything.map((r) => r.detail ?? '').join(' ')).not.toContain('Shooting');
	});

	it('saves nothing when the input is invalid, too large or for an unknown step', async () => {
		const intake = (await getOrStartIntake(db(), patientId, patientActor))!;
		const before = await db().kysely.selectFrom('intake').selectAll().where('id', '=', intake.id).executeTakeFirstOrThrow();
		const audits = (await db().kysely.selectFrom('audit_log').select('id').execute()).length;
		const measures = { ...toFormValues('measures', calmIntake()), legPain: '11', psfs3Activity: '', psfs3Score: '' };
		expect(await saveIntakeStep(db(), intake.id, 'measures', measures, patientActor)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { legPain: 'intake.error.scale10', psfs3Activity: 'intake.error.psfsTooFew' }
		});
		const history = { ...toFormValues('history', calmIntake()), conditions: 'x'.repeat(10_000_000) };
		expect(await saveIntakeStep(db(), intake.id, 'history', history, patientActor)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { conditions: 'validation.invalid' }
		});
		expect(await saveIntakeStep(db(), intake.id, 'review', {}, patientActor)).toEqual({ ok: false, code: 'unknown_step' });
		expect(await saveIntakeStep(db(), intake.id, '__proto__', {}, patientActor)).toEqual({ ok: false, code: 'unknown_step' });
		expect(await db().kysely.selectFrom('intake').selectAll().where('id', '=', intake.id).executeTakeFirstOrThrow()).toEqual(before);
		expect((await db().kysely.selectFrom('audit_log').select('id').execute()).length).toBe(audits);
	});

	it('lets a patient touch only their own intake', async () => {
		const intake = (await getOrStartIntake(db(), patientId, patientActor))!;
		const other = await addPatient(db(), 'P-0099');
		const values = toFormValues('history', calmIntake());
		expect(await saveIntakeStep(db(), intake.id, 'history', values, patientActor, { patientId: other })).toEqual({ ok: false, code: 'not_found' });
		expect(await submitIntake(db(), mailer, intake.id, patientActor, { patientId: other })).toEqual({ ok: false, code: 'not_found' });
	});

	it('refuses to submit before every step is answered', async () => {
		const intake = (await getOrStartIntake(db(), patientId, patientActor))!;
		expect(await submitIntake(db(), mailer, intake.id, patientActor, { patientId, now: NOW })).toEqual({
			ok: false,
			code: 'incomplete',
			missing: ['history', 'safety', 'red-flags', 'measures']
		});
		expect(await latestSafetyAlerts(db(), patientId)).toEqual([]);
	});

	it('submits calm answers: no alert, no mail, and the baseline check-in is written', async () => {
		const intake = (await getOrStartIntake(db(), patientId, patientActor))!;
		const answers = calmIntake();
		answers.safety = { ...answers.safety, bloodThinner: 'yes', bloodThinnerKinds: ['warfarin'], implantedDevice: true };
		answers.complaint = { ...answers.complaint, description: DESCRIPTION };
		await fillEveryStep(db(), intake.id, patientActor, answers, { patientId });
		const outbox = (await db().kysely.selectFrom('mail_outbox').select('id').execute()).length;
		expect(await submitIntake(db(), mailer, intake.id, patientActor, { patientId, now: NOW })).toEqual({
			ok: true,
			level: 'routine',
			reasons: [],
			alerted: false
		});
		const row = await db().kysely.selectFrom('intake').selectAll().where('id', '=', intake.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'submitted', submitted_at: NOW.toISOString(), red_flag_level: null });
		const checkIn = await db().kysely.selectFrom('outcome_check_in').selectAll().where('patient_id', '=', patientId).executeTakeFirstOrThrow();
		expect(checkIn).toMatchObject({ source: 'intake', appointment_id: nextVisit, leg_pain: 5, back_pain: 3, pgic: null });
		expect(JSON.parse(checkIn.psfs!)).toEqual(answers.measures.psfs);
		expect(JSON.parse(checkIn.sbi!)).toEqual([4, 2, 1, 5]);
		expect((await db().kysely.selectFrom('mail_outbox').select('id').execute()).length).toBe(outbox);
		expect((await latestSafetyAlerts(db(), patientId)).map((a) => a.code)).toEqual(['anticoagulants', 'implantedDevice']);
	});

	it('refuses a second submission and any later change', async () => {
		const intake = (await latestIntakeSummary(db(), patientId, staff))!;
		expect(await submitIntake(db(), mailer, intake.id, patientActor)).toEqual({ ok: false, code: 'already_submitted' });
		expect(await saveIntakeStep(db(), intake.id, 'history', toFormValues('history', calmIntake()), patientActor)).toEqual({
			ok: false,
			code: 'already_submitted'
		});
	});

	it('summarises the newest intake for the chart, and audits the read', async () => {
		const summary = (await latestIntakeSummary(db(), patientId, staff, NOW))!;
		expect(summary).toMatchObject({ status: 'submitted', missing: [], resumeAt: 'review', triage: { level: 'routine', reasons: [] } });
		expect(summary.answers.complaint?.description).toBe(DESCRIPTION);
		expect(summary.safetyAlerts.map((a) => a.code)).toEqual(['anticoagulants', 'implantedDevice']);
		expect((await auditRows(db(), 'intake.read')).at(-1)).toMatchObject({ actor_id: staffId, patient_id: patientId });
		expect(await latestIntakeSummary(db(), randomUUID(), staff)).toBeNull();
	});

	it('alerts the clinic of an emergency without a word of the answers, and flags the visit', async () => {
		const patient = await addPatient(db(), 'P-0002');
		const visit = await addAppointment(db(), patient, '2026-05-04T01:00:00.000Z');
		const intake = (await getOrStartIntake(db(), patient, staff, { staffId, now: NOW }))!;
		expect(intake).toMatchObject({ appointmentId: visit, enteredByStaffId: staffId });
		const answers = calmIntake();
		answers.complaint = { ...answers.complaint, description: DESCRIPTION };
		answers['red-flags'] = { ...answers['red-flags'], saddleNumbness: true, cancerHistory: true };
		await fillEveryStep(db(), intake.id, staff, answers, { staffId });
		const result = await submitIntake(db(), mailer, intake.id, staff, { staffId, origin: 'https://clinic.example.jp', now: NOW });
		expect(result).toEqual({ ok: true, level: 'emergency', reasons: ['saddleNumbness', 'cancerHistory'], alerted: true });
		expect((await db().kysely.selectFrom('intake').select('red_flag_level').where('id', '=', intake.id).executeTakeFirstOrThrow()).red_flag_level).toBe(
			'emergency'
		);
		expect((await db().kysely.selectFrom('appointment').select('red_flag_level').where('id', '=', visit).executeTakeFirstOrThrow()).red_flag_level).toBe(
			'emergency'
		);
		const mail = await db().kysely.selectFrom('mail_outbox').selectAll().where('kind', '=', 'intake.red_flag').executeTakeFirstOrThrow();
		expect(mail.recipient).toBe('clinic@example.jp');
		expect(mail.body).toContain('P-0002');
		expect(mail.body).toContain('https://clinic.example.jp/staff/alerts');
		for (const secret of ['Shooting', '山田', 'saddle', 'cancer', 'がん']) expect(mail.body + mail.subject).not.toContain(secret);
		expect(await auditRows(db(), 'intake.red_flag_notify')).toHaveLength(1);
	});

	it('lists open red flags for the console until someone acknowledges them', async () => {
		const open = await listOpenRedFlags(db(), staff);
		expect(open).toHaveLength(1);
		expect(open[0]).toMatchObject({
			patientNumber: 'P-0002',
			familyName: '山田',
			level: 'emergency',
			submittedAt: NOW.toISOString(),
			appointmentStartsAt: '2026-05-04T01:00:00.000Z'
		});
		expect(await acknowledgeRedFlag(db(), open[0]!.intakeId, staffId, staff)).toEqual({ ok: true });
		expect(await acknowledgeRedFlag(db(), open[0]!.intakeId, staffId, staff)).toEqual({ ok: false, code: 'already_acknowledged' });
		expect(await acknowledgeRedFlag(db(), randomUUID(), staffId, staff)).toEqual({ ok: false, code: 'not_found' });
		expect(await listOpenRedFlags(db(), staff)).toEqual([]);
		const row = await db().kysely.selectFrom('intake').selectAll().where('id', '=', open[0]!.intakeId).executeTakeFirstOrThrow();
		expect(row.red_flag_acknowledged_by).toBe(staffId);
	});

	it('never lowers a visit’s emergency to urgent', async () => {
		const patient = await addPatient(db(), 'P-0003');
		const visit = await addAppointment(db(), patient, '2026-05-05T01:00:00.000Z');
		await db().kysely.updateTable('appointment').set({ red_flag_level: 'emergency' }).where('id', '=', visit).execute();
		const intake = (await getOrStartIntake(db(), patient, staff, { appointmentId: visit, now: NOW }))!;
		const answers = calmIntake();
		answers['red-flags'] = { ...answers['red-flags'], feverOrUnwell: true };
		await fillEveryStep(db(), intake.id, staff, answers);
		expect(await submitIntake(db(), mailer, intake.id, staff, { now: NOW })).toMatchObject({ ok: true, level: 'urgent' });
		expect((await db().kysely.selectFrom('appointment').select('red_flag_level').where('id', '=', visit).executeTakeFirstOrThrow()).red_flag_level).toBe(
			'emergency'
		);
	});

	it('gives the schedule every patient’s alerts from their newest submitted intake, in one call', async () => {
		const nobody = await addPatient(db(), 'P-0004');
		const alerts = await safetyAlertsForPatients(db(), [patientId, nobody, patientId]);
		expect([...alerts.keys()]).toEqual([patientId]);
		expect(alerts.get(patientId)!.map((a) => a.code)).toEqual(['anticoagulants', 'implantedDevice']);
		expect(await safetyAlertsForPatients(db(), [])).toEqual(new Map());
	});

	it('asks the age when the date of birth is unknown, and never assumes one (docs/clinical-rules.md §1)', async () => {
		const patient = await addPatient(db(), 'P-0005');
		await db().kysely.updateTable('patient').set({ date_of_birth: null }).where('id', '=', patient).execute();
		const intake = (await getOrStartIntake(db(), patient, staff, { now: NOW }))!;
		const answers = calmIntake();
		const values = toFormValues('red-flags', answers);
		expect(values.age).toBeUndefined();
		expect(await saveIntakeStep(db(), intake.id, 'red-flags', values, staff, { now: NOW })).toEqual({
			ok: false,
			code: 'invalid',
			fields: { age: 'intake.error.ageRequired' }
		});
		expect(await saveIntakeStep(db(), intake.id, 'red-flags', { ...values, age: '16' }, staff, { now: NOW })).toEqual({ ok: true, next: 'measures' });
		await fillEveryStep(db(), intake.id, staff, { ...answers, 'red-flags': { ...answers['red-flags'], age: 16 } });
		expect(await submitIntake(db(), mailer, intake.id, staff, { now: NOW })).toMatchObject({ ok: true, level: 'see_doctor', reasons: ['underEighteen'] });
	});

	it('keeps no typed age when the date of birth gives it', async () => {
		const patient = await addPatient(db(), 'P-0006');
		const intake = (await getOrStartIntake(db(), patient, staff, { now: NOW }))!;
		const values = { ...toFormValues('red-flags', calmIntake()), age: '12' };
		expect(await saveIntakeStep(db(), intake.id, 'red-flags', values, staff, { now: NOW })).toMatchObject({ ok: true });
		const row = await db().kysely.selectFrom('intake').select('answers').where('id', '=', intake.id).executeTakeFirstOrThrow();
		expect(JSON.parse(row.answers)['red-flags']).not.toHaveProperty('age');
		expect(JSON.parse(row.answers)['red-flags'].painNrs).toBe(4);
	});

	it('asks the self-check’s pain question: the worst leg pain in the last 24 hours decides severePain, not the baseline', async () => {
		const patient = await addPatient(db(), 'P-0007');
		const intake = (await getOrStartIntake(db(), patient, staff, { now: NOW }))!;
		const answers = calmIntake();
		const { painNrs: _omitted, ...withoutPain } = toFormValues('red-flags', answers);
		expect(_omitted).toBe('4');
		expect(await saveIntakeStep(db(), intake.id, 'red-flags', withoutPain, staff, { now: NOW })).toMatchObject({
			ok: false,
			code: 'invalid',
			fields: { painNrs: expect.stringMatching(/^(intake|validation)\./) }
		});
		await fillEveryStep(db(), intake.id, staff, {
			...answers,
			'red-flags': { ...answers['red-flags'], painNrs: 7 },
			measures: { ...answers.measures, legPain: 2 }
		});
		expect(await submitIntake(db(), mailer, intake.id, staff, { now: NOW })).toMatchObject({ ok: true, level: 'see_doctor', reasons: ['severePain'] });
	});

	it('asks the red flags again when they were saved before the pain question existed', async () => {
		const patient = await addPatient(db(), 'P-0008');
		const intake = (await getOrStartIntake(db(), patient, staff, { now: NOW }))!;
		await fillEveryStep(db(), intake.id, staff);
		const row = await db().kysely.selectFrom('intake').select('answers').where('id', '=', intake.id).executeTakeFirstOrThrow();
		const stored = JSON.parse(row.answers);
		delete stored['red-flags'].painNrs;
		await db()
			.kysely.updateTable('intake')
			.set({ answers: JSON.stringify(stored) })
			.where('id', '=', intake.id)
			.execute();
		expect(await submitIntake(db(), mailer, intake.id, staff, { now: NOW })).toEqual({ ok: false, code: 'incomplete', missing: ['red-flags'] });
	});

	describe('without a current privacy consent (docs/clinical-rules.md §6)', () => {
		it('takes no health answer and submits nothing, writing only the refusal to the audit trail', async () => {
			const patient = randomUUID();
			await db()
				.kysely.insertInto('patient')
				.values({
					id: patient,
					family_name: '中村',
					given_name: '由美',
					family_name_kana: '',
					given_name_kana: '',
					email: '',
					phone: '090-0000-0004',
					date_of_birth: '1980-01-01',
					preferred_locale: 'ja',
					created_at: NOW.toISOString(),
					patient_number: 'P-0100'
				})
				.execute();
			const actor: AuditActor = { type: 'patient', id: patient, ip: null, requestId: null };
			const intake = (await getOrStartIntake(db(), patient, actor, { now: NOW }))!;
			const before = await db().kysely.selectFrom('intake').selectAll().where('id', '=', intake.id).executeTakeFirstOrThrow();
			expect(await saveIntakeStep(db(), intake.id, 'history', toFormValues('history', calmIntake()), actor, { patientId: patient, now: NOW })).toEqual({
				ok: false,
				code: 'no_privacy_consent'
			});
			// Answers written some other way (before the rule) are not sent on either.
			await db()
				.kysely.updateTable('intake')
				.set({ answers: JSON.stringify(calmIntake()) })
				.where('id', '=', intake.id)
				.execute();
			expect(await submitIntake(db(), mailer, intake.id, actor, { patientId: patient, now: NOW })).toEqual({ ok: false, code: 'no_privacy_consent' });
			const after = await db().kysely.selectFrom('intake').selectAll().where('id', '=', intake.id).executeTakeFirstOrThrow();
			expect({ ...after, answers: before.answers }).toEqual(before);
			expect(await db().kysely.selectFrom('outcome_check_in').select('id').where('patient_id', '=', patient).execute()).toEqual([]);
			const refusals = await db()
				.kysely.selectFrom('audit_log')
				.select('detail')
				.where('action', '=', 'intake.refused')
				.where('patient_id', '=', patient)
				.execute();
			expect(refusals.map((r) => JSON.parse(r.detail!).reason)).toEqual(['no_privacy_consent', 'no_privacy_consent']);
		});

		it('takes the answers once the patient agrees to the current privacy text, and stops again when the text is revised', async () => {
			const patient = randomUUID();
			await db()
				.kysely.insertInto('patient')
				.values({
					id: patient,
					family_name: '中村',
					given_name: '由美',
					family_name_kana: '',
					given_name_kana: '',
					email: '',
					phone: '090-0000-0004',
					date_of_birth: '1980-01-01',
					preferred_locale: 'ja',
					created_at: NOW.toISOString(),
					patient_number: 'P-0101'
				})
				.execute();
			const actor: AuditActor = { type: 'patient', id: patient, ip: null, requestId: null };
			const intake = (await getOrStartIntake(db(), patient, actor, { now: NOW }))!;
			await giveConsent(db(), patient, ['privacy']);
			expect(await saveIntakeStep(db(), intake.id, 'history', toFormValues('history', calmIntake()), actor, { patientId: patient, now: NOW })).toEqual({
				ok: true,
				next: 'safety'
			});
			const privacy = await db()
				.kysely.selectFrom('consent_document')
				.selectAll()
				.where('kind', '=', 'privacy')
				.orderBy('version', 'desc')
				.executeTakeFirstOrThrow();
			await db()
				.kysely.insertInto('consent_document')
				.values({ ...privacy, id: randomUUID(), version: Number(privacy.version) + 1, created_at: NOW.toISOString() })
				.execute();
			expect(await saveIntakeStep(db(), intake.id, 'safety', toFormValues('safety', calmIntake()), actor, { patientId: patient, now: NOW })).toEqual({
				ok: false,
				code: 'no_privacy_consent'
			});
		});
	});
});
