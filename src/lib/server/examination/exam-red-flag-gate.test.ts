import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { RED_FLAG_QUESTIONS } from '../../domain/triage/assess';
import type { Db } from '../db/database';
import { giveConsent } from '../consent/test-fixtures';
import { insertPatient, insertSubmittedIntake } from '../outcomes/test-fixtures';
import { practitionerActor } from '../treatment-session/test-fixtures';
import { startSession } from '../treatment-session/start-session';
import { acknowledgeExamRedFlags, getExamination, recordExamination } from './examination-service';
import { givenHistoryFacts } from './given-history';
import { redFlagSessionGate } from './latest-examination';
import { ZExamFormSchema } from './schemas';

const NOW = new Date('2026-03-02T01:00:00.000Z');
const exam = (flags: string[], kind: 'initial' | 'reassessment' = 'initial') =>
	ZExamFormSchema.parse({ kind, side: 'right', ...Object.fromEntries(flags.map((f) => [`redFlag.${f}`, 'on'])) });

/** A submitted intake whose red-flag step says yes to `yes`. */
async function submittedIntake(db: Db, patientId: string, yes: string[], at: string): Promise<void> {
	const redFlags = { ...Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, yes.includes(q)])), seenDoctor: false, painNrs: 3 };
	await insertSubmittedIntake(db, patientId, { 'red-flags': redFlags }, at);
}

describeEachDatabase('red flags found again at the examination (docs/clinical-rules.md §1)', (db) => {
	it('block a session at the emergency level, and no acknowledgement lifts that', async () => {
		const actor = await practitionerActor(db());
		const patientId = await insertPatient(db());
		await giveConsent(db(), patientId);
		const recorded = await recordExamination(db(), patientId, exam(['saddleNumbness']), actor.id!, actor, NOW);
		if (!recorded.ok) throw new Error(recorded.code);
		expect(recorded.blocked).toBe(true);
		expect(await startSession(db(), patientId, {}, actor, { now: NOW })).toEqual({ ok: false, code: 'red_flag_blocked', examinationId: recorded.id });
		expect(await acknowledgeExamRedFlags(db(), patientId, recorded.id, 'seen', actor, NOW)).toEqual({ ok: false, code: 'not_needed' });
		expect(await db().kysely.selectFrom('treatment_session').select('id').where('patient_id', '=', patientId).execute()).toEqual([]);
	});

	it('wait for the practitioner’s acknowledgement at the urgent level, then let the session start; it is stored and audited', async () => {
		const actor = await practitionerActor(db());
		const patientId = await insertPatient(db());
		await giveConsent(db(), patientId);
		const recorded = await recordExamination(db(), patientId, exam(['feverOrUnwell']), actor.id!, actor, NOW);
		if (!recorded.ok) throw new Error(recorded.code);
		expect(recorded.blocked).toBe(false);
		expect(await startSession(db(), patientId, {}, actor, { now: NOW })).toEqual({ ok: false, code: 'red_flag_unacknowledged', examinationId: recorded.id });

		expect(await acknowledgeExamRedFlags(db(), patientId, recorded.id, '本日内科受診済み、解熱を確認', actor, NOW)).toEqual({ ok: true });
		expect(await acknowledgeExamRedFlags(db(), patientId, recorded.id, 'again', actor, NOW)).toEqual({ ok: false, code: 'already_acknowledged' });
		const read = await getExamination(db(), patientId, recorded.id, actor);
		expect(read).toMatchObject({
			redFlagLevel: 'urgent',
			redFlagPositive: false,
			acknowledgement: { at: NOW.toISOString(), reason: '本日内科受診済み、解熱を確認' }
		});
		expect(read!.acknowledgement!.by).not.toBe('');
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'detail', 'actor_id'])
			.where('entity_id', '=', recorded.id)
			.where('action', '=', 'examination.red_flag_acknowledge')
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actor_id).toBe(actor.id);
		expect(JSON.stringify(audit)).not.toContain('内科');

		expect(await startSession(db(), patientId, {}, actor, { now: NOW })).toMatchObject({ ok: true, resumed: false });
	});

	it('ask for acknowledgement at the see-doctor level too, and a later examination without flags lifts it', async () => {
		const actor = await practitionerActor(db());
		const patientId = await insertPatient(db());
		await giveConsent(db(), patientId);
		await recordExamination(db(), patientId, exam(['worsening']), actor.id!, actor, NOW);
		expect((await redFlagSessionGate(db(), patientId)).gate).toBe('needs_acknowledgement');
		await recordExamination(db(), patientId, exam([], 'reassessment'), actor.id!, actor, new Date(NOW.getTime() + 60_000));
		expect((await redFlagSessionGate(db(), patientId)).gate).toBe('clear');
	});

	it('keep a cancer history the patient gave in the intake, however the form is sent', async () => {
		const actor = await practitionerActor(db());
		const patientId = await insertPatient(db());
		await giveConsent(db(), patientId);
		await submittedIntake(db(), patientId, ['cancerHistory', 'feverOrUnwell'], '2026-02-20T00:00:00.000Z');
		expect(await givenHistoryFacts(db(), patientId)).toEqual([{ flag: 'cancerHistory', source: 'intake', givenAt: '2026-02-20T00:00:00.000Z' }]);

		// The practitioner ticks nothing: the history stays, a symptom of the moment (fever) does not.
		const recorded = await recordExamination(db(), patientId, exam([]), actor.id!, actor, NOW);
		if (!recorded.ok) throw new Error(recorded.code);
		const read = await getExamination(db(), patientId, recorded.id, actor);
		expect(read?.findings.redFlags).toEqual(['cancerHistory']);
		expect(read?.redFlagLevel).toBe('urgent');
		expect((await redFlagSessionGate(db(), patientId)).gate).toBe('needs_acknowledgement');

		// A reassessment cannot untick it either: only an acknowledgement lets the session start.
		const again = await recordExamination(db(), patientId, exam([], 'reassessment'), actor.id!, actor, new Date(NOW.getTime() + 60_000));
		if (!again.ok) throw new Error(again.code);
		expect((await getExamination(db(), patientId, again.id, actor))?.findings.redFlags).toEqual(['cancerHistory']);
		expect(await startSession(db(), patientId, {}, actor, { now: NOW })).toMatchObject({ ok: false, code: 'red_flag_unacknowledged' });
		await acknowledgeExamRedFlags(db(), patientId, again.id, '2015年乳がん、主治医より施術可', actor, NOW);
		expect(await startSession(db(), patientId, {}, actor, { now: NOW })).toMatchObject({ ok: true });
	});

	it('keep a cancer history brought with a booking’s self-check answers', async () => {
		const actor = await practitionerActor(db());
		const patientId = await insertPatient(db());
		await giveConsent(db(), patientId);
		const answers = { ...Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, q === 'cancerHistory'])), age: 60, durationDays: 2, painNrs: 3 };
		const at = '2026-02-25T03:00:00.000Z';
		const practitioner = await db().kysely.selectFrom('practitioner').select('id').where('staff_id', '=', actor.id).executeTakeFirstOrThrow();
		await db()
			.kysely.insertInto('appointment')
			.values({
				id: randomUUID(),
				patient_id: patientId,
				practitioner_id: practitioner.id,
				bed_id: null,
				service_id: null,
				starts_at: '2026-03-02T01:00:00.000Z',
				ends_at: '2026-03-02T01:45:00.000Z',
				held_until: '2026-03-02T01:55:00.000Z',
				status: 'booked',
				source: 'online',
				first_visit: 1,
				triage: JSON.stringify(answers),
				triage_level: 'urgent',
				triage_reasons: '["cancerHistory"]',
				triage_given_at: at,
				manage_token_hash: null,
				locale: 'ja',
				created_at: at,
				cancelled_at: null
			})
			.execute();
		expect(await givenHistoryFacts(db(), patientId)).toEqual([{ flag: 'cancerHistory', source: 'self_check', givenAt: at }]);
	});
});
