import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { recordAdverseEvent } from './record-adverse-event';
import { getSessionRecord } from './session-record';
import { openSession, practitionerActor, recordingMailer } from './test-fixtures';

const STARTED = new Date('2026-03-02T01:00:00.000Z'); // 10:00 in Tokyo
const NOW = new Date('2026-03-02T01:30:00.000Z'); // 10:30 in Tokyo
const event = { kind: 'bruising', severity: 'mild', outcome: 'resolving' };

describeEachDatabase('the time an adverse event happened', (db) => {
	it('is taken as clinic time and kept apart from the time it was recorded', async () => {
		const actor = await practitionerActor(db());
		const { patientId, sessionId } = await openSession(db(), actor, STARTED);
		expect(
			await recordAdverseEvent(db(), recordingMailer(), patientId, sessionId, { ...event, occurredAt: '2026-03-02T10:05' }, actor, { now: NOW })
		).toMatchObject({ ok: true });
		const [recorded] = (await getSessionRecord(db(), patientId, sessionId, actor, NOW))!.adverseEvents;
		expect(recorded).toMatchObject({ occurredAt: '2026-03-02T01:05:00.000Z', recordedAt: NOW.toISOString() });
	});

	it('is the moment of recording when the form leaves it out', async () => {
		const actor = await practitionerActor(db());
		const { patientId, sessionId } = await openSession(db(), actor, STARTED);
		await recordAdverseEvent(db(), recordingMailer(), patientId, sessionId, { ...event, occurredAt: '' }, actor, { now: NOW });
		const [recorded] = (await getSessionRecord(db(), patientId, sessionId, actor, NOW))!.adverseEvents;
		expect(recorded).toMatchObject({ occurredAt: NOW.toISOString(), recordedAt: NOW.toISOString() });
	});

	it('refuses a time in the future, one more than a day before the session and a date that does not exist, saving nothing', async () => {
		const actor = await practitionerActor(db());
		const { patientId, sessionId } = await openSession(db(), actor, STARTED);
		const attempt = (occurredAt: string) => recordAdverseEvent(db(), recordingMailer(), patientId, sessionId, { ...event, occurredAt }, actor, { now: NOW });
		expect(await attempt('2026-03-02T10:31')).toEqual({ ok: false, code: 'invalid', fields: { occurredAt: 'treatmentSession.error.occurredFuture' } });
		expect(await attempt('2026-03-01T09:59')).toEqual({ ok: false, code: 'invalid', fields: { occurredAt: 'treatmentSession.error.occurredBeforeSession' } });
		expect(await attempt('2026-02-30T10:00')).toEqual({ ok: false, code: 'invalid', fields: { occurredAt: 'treatmentSession.error.occurredAt' } });
		// A day before the start is still the session's: the evening before, recorded late.
		expect(await attempt('2026-03-01T10:00')).toMatchObject({ ok: true });
		expect((await getSessionRecord(db(), patientId, sessionId, actor, NOW))!.adverseEvents).toHaveLength(1);
	});
});
