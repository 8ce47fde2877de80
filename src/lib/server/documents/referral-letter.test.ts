import { describe, expect, it } from 'vitest';
import { giveConsent } from '../consent/test-fixtures';
import { pdfText, squashed } from '../../../../tests/support/pdf-text';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { calmIntake } from '../../domain/intake/fixtures';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { recordExamination } from '../examination/examination-service';
import { ZExamFormSchema } from '../examination/schemas';
import { insertPatient, insertPractitioner, insertStaff, insertSubmittedIntake } from '../outcomes/test-fixtures';
import { closeSession } from '../treatment-session/close-session';
import { startSession } from '../treatment-session/start-session';
import { referralLetterPdf, referralUrgency } from './referral-letter';

const NOW = new Date('2026-03-10T01:00:00.000Z');

async function practitioner(db: Db): Promise<AuditActor> {
	const staff = await insertStaff(db, 'practitioner');
	const id = await insertPractitioner(db, staff.id);
	await db.kysely.updateTable('practitioner').set({ hari_licence: '第900201号', kyu_licence: '第900202号' }).where('id', '=', id).execute();
	return { type: 'staff', id: staff.id, ip: null, requestId: null };
}

/** A patient with an intake naming their medicines, two sessions, and an examination with a red flag. */
async function referredPatient(db: Db, actor: AuditActor) {
	const patientId = await insertPatient(db);
	await giveConsent(db, patientId);
	await db.kysely.updateTable('patient').set({ date_of_birth: '1968-05-04', sex: 'female' }).where('id', '=', patientId).execute();
	const answers = calmIntake();
	answers.safety = { ...answers.safety, medicines: 'ロキソプロフェン 60mg', bloodThinner: 'yes', bloodThinnerKinds: ['warfarin'], implantedDevice: true };
	answers.history = { ...answers.history, conditions: '高血圧' };
	await insertSubmittedIntake(db, patientId, answers, '2026-02-27T00:00:00.000Z');
	for (const day of ['2026-03-02T01:00:00.000Z', '2026-03-06T01:00:00.000Z']) {
		const started = await startSession(db, patientId, {}, actor, { now: new Date(day) });
		if (!started.ok) throw new Error(started.code);
		await closeSession(db, patientId, started.id, actor, new Date(day));
	}
	const findings = ZExamFormSchema.parse({
		kind: 'reassessment',
		side: 'left',
		'left.area.outerShin': 'on',
		'left.numb.bigToe': 'on',
		'left.sensation.L5': 'on',
		'left.slrAngle': '40',
		'left.slrPain': 'on',
		'right.slrAngle': '80',
		crossedSlr: 'on',
		'left.reflex.ankle': 'reduced',
		'left.strength.bigToeExtension': '3',
		'redFlag.progressiveWeakness': 'on',
		'redFlag.severeNightPain': 'on'
	});
	const exam = await recordExamination(db, patientId, findings, actor.id!, actor, NOW);
	if (!exam.ok) throw new Error(exam.code);
	return { patientId, examId: exam.id };
}

describe('referralUrgency', () => {
	it('takes the gravest red flag: a progressive deficit outranks night pain, which outranks worsening', () => {
		expect(referralUrgency(['severeNightPain', 'progressiveWeakness'])).toBe('emergency');
		expect(referralUrgency(['worsening', 'severeNightPain'])).toBe('urgent');
		expect(referralUrgency(['worsening'])).toBe('see_doctor');
		expect(referralUrgency([])).toBeNull();
	});
});

describeEachDatabase('the referral letter PDF', (db) => {
	it('tells the doctor in Japanese why and how urgently, with findings, medicines, treatment so far and the signer’s licences', async () => {
		const actor = await practitioner(db());
		const { patientId, examId } = await referredPatient(db(), actor);
		const document = await referralLetterPdf(db(), patientId, examId, 'ja', actor, NOW);
		const patient = await db().kysely.selectFrom('patient').select('patient_number').where('id', '=', patientId).executeTakeFirstOrThrow();
		expect(document!.filename).toBe(`紹介状_${patient.patient_number}_2026-03-10.pdf`);
		const raw = document!.pdf.toString('latin1');
		expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansJP-Regular/);
		expect(raw).toContain('/FontFile2');
		const clinic = await db().kysely.selectFrom('clinic').select(['name_ja', 'phone']).executeTakeFirstOrThrow();
		const text = squashed(pdfText(document!.pdf));
		for (const fact of [
			'医師への紹介状',
			clinic.name_ja,
			clinic.phone,
			'山田花子',
			'ヤマダハナコ',
			'1968-05-04',
			'女性',
			'脚の力が弱くなってきている',
			'休んでも楽にならない夜間の痛み',
			'緊急：本日、救急での診察をお願いいたします。',
			'すねの外側',
			'足の親指',
			'L5領域',
			'左SLR陽性（40°）、右80°',
			'交差SLR陽性',
			'アキレス腱反射低下',
			'母趾伸展3/5',
			'L5（所見からの推定）',
			'ロキソプロフェン60mg',
			'ワルファリン',
			'高血圧',
			'植込み機器',
			'2回',
			'佐藤美穂',
			'はり師第900201号・きゅう師第900202号'
		]) {
			expect(text, fact).toContain(squashed(fact));
		}
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'entity_id'])
			.where('patient_id', '=', patientId)
			.where('action', '=', 'document.referral_letter')
			.execute();
		expect(audit).toEqual([{ action: 'document.referral_letter', entity_id: examId }]);
	});

	it('is written in English on request, with the same facts in English words', async () => {
		const actor = await practitioner(db());
		const { patientId, examId } = await referredPatient(db(), actor);
		const document = await referralLetterPdf(db(), patientId, examId, 'en', actor, NOW);
		expect(document!.filename).toMatch(/^Referral letter_P-/);
		const text = squashed(pdfText(document!.pdf));
		for (const fact of [
			'Referral letter',
			// A name written in Japanese keeps its order in English too.
			'山田 花子',
			'Female',
			'Leg weakness that is getting worse',
			'Emergency: please see the patient today, as an emergency.',
			'Outer shin',
			'Left SLR positive (40°), Right 80°',
			'Crossed SLR',
			'Ankle jerk Reduced',
			'L5 (suggested by the findings)',
			'ロキソプロフェン',
			'2 sessions',
			'Miho Sato',
			'acupuncturist (はり師) 第900201号'
		]) {
			expect(text, fact).toContain(squashed(fact));
		}
	});

	it('says no red flag was found when none was, and that the patient has not been treated yet', async () => {
		const actor = await practitioner(db());
		const patientId = await insertPatient(db());
		const exam = await recordExamination(db(), patientId, ZExamFormSchema.parse({ kind: 'initial', side: 'right' }), actor.id!, actor, NOW);
		const document = await referralLetterPdf(db(), patientId, exam.ok ? exam.id : '', 'en', actor, NOW);
		const text = squashed(pdfText(document!.pdf));
		expect(text).toContain(squashed('We found no red flag at our examination.'));
		expect(text).toContain(squashed('We have not treated the patient yet.'));
		expect(text).toContain(squashed('No intake form has been submitted yet.'));
		expect(text).not.toContain('Urgency');
	});

	it('gives nothing for an unknown patient, an unknown exam, or an exam of another patient', async () => {
		const actor = await practitioner(db());
		const { examId } = await referredPatient(db(), actor);
		const other = await insertPatient(db());
		expect(await referralLetterPdf(db(), crypto.randomUUID(), examId, 'ja', actor, NOW)).toBeNull();
		expect(await referralLetterPdf(db(), other, examId, 'ja', actor, NOW)).toBeNull();
		expect(await referralLetterPdf(db(), other, crypto.randomUUID(), 'ja', actor, NOW)).toBeNull();
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('action')
			.where('patient_id', '=', other)
			.where('action', '=', 'document.referral_letter')
			.execute();
		expect(audit).toEqual([]);
	});
});
