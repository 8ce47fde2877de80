import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { readClinicInstrument } from '../../domain/outcomes/clinic-instrument';
import type { Instrument } from '../../domain/outcomes/instrument';
import type { AuditActor } from '../audit/audit-log';
import { ZInstrumentScoreFormSchema } from './instrument-score-schemas';
import { instrumentProgress } from './instrument-scores';
import { recordInstrumentScore } from './record-instrument-score';
import { insertAppointment, insertPatient, insertPractitioner } from './test-fixtures';

const parsed = readClinicInstrument(JSON.parse(fs.readFileSync('docs/instruments/example-instrument.json', 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
/** The documented sample: four items 0–4, a percentage, lower is better, 15 points is a response. */
const SAMPLE: Instrument = parsed.instrument;
const TWO_ITEMS: Instrument = {
	...SAMPLE,
	code: 'clinic_change',
	items: { kind: 'fixed', list: SAMPLE.items.kind === 'fixed' ? SAMPLE.items.list.slice(0, 2) : [] },
	score: 'sum',
	responder: { kind: 'change_only' }
};
const INSTRUMENTS = [SAMPLE, TWO_ITEMS];
const staff: AuditActor = { type: 'staff', id: 'practitioner-1', ip: null, requestId: null };
const at = (day: number) => new Date(Date.parse('2026-05-01T01:00:00.000Z') + day * 86_400_000);

describeEachDatabase('scores on clinic instruments', (db) => {
	it('stores a score computed by the definition and shows the change from the first as a response', async () => {
		const patientId = await insertPatient(db());
		const first = await recordInstrumentScore(db(), patientId, { instrument: SAMPLE.code, answers: [3, 3, 2, 2] }, INSTRUMENTS, staff, { now: at(0) });
		expect(first).toMatchObject({ ok: true, score: 62.5 });
		await recordInstrumentScore(db(), patientId, { instrument: SAMPLE.code, answers: [2, 2, 2, 2] }, INSTRUMENTS, staff, { now: at(7) });
		const latest = await recordInstrumentScore(db(), patientId, { instrument: SAMPLE.code, answers: [1, 2, 1, 1] }, INSTRUMENTS, staff, { now: at(14) });
		expect(latest).toMatchObject({ ok: true, score: 31.25 });

		const [sample, other] = await instrumentProgress(db(), patientId, INSTRUMENTS, staff);
		expect(sample!.scores.map((s) => s.value)).toEqual([62.5, 50, 31.25]);
		expect(sample!.summary).toMatchObject({ count: 3, difference: -31.25, status: 'responder', hasThreshold: true });
		expect(sample!.summary.latest?.at).toBe(at(14).toISOString());
		expect(other).toMatchObject({ instrument: { code: 'clinic_change' }, scores: [], summary: { status: 'no_baseline' } });
	});

	it('audits the record and the read, naming the instrument but never the answers', async () => {
		const patientId = await insertPatient(db());
		const result = await recordInstrumentScore(db(), patientId, { instrument: TWO_ITEMS.code, answers: [4, 1] }, INSTRUMENTS, staff, { now: at(0) });
		await instrumentProgress(db(), patientId, INSTRUMENTS, staff);
		const audit = await db().kysely.selectFrom('audit_log').selectAll().where('patient_id', '=', patientId).orderBy('seq').execute();
		expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
			['outcome.instrument_score.record', (result as { id: string }).id],
			['outcome.instrument_scores.read', patientId]
		]);
		expect(JSON.parse(audit[0]!.detail!)).toEqual({ instrument: 'clinic_change' });
		expect(await instrumentProgress(db(), patientId, [], staff)).toEqual([]);
		expect(await db().kysely.selectFrom('audit_log').select('id').where('patient_id', '=', patientId).execute()).toHaveLength(2);
	});

	it('shows only the change for an instrument without a threshold', async () => {
		const patientId = await insertPatient(db());
		await recordInstrumentScore(db(), patientId, { instrument: TWO_ITEMS.code, answers: [4, 4] }, INSTRUMENTS, staff, { now: at(0) });
		await recordInstrumentScore(db(), patientId, { instrument: TWO_ITEMS.code, answers: [1, 0] }, INSTRUMENTS, staff, { now: at(3) });
		const progress = await instrumentProgress(db(), patientId, INSTRUMENTS, staff);
		expect(progress[1]!.summary).toMatchObject({ difference: -7, status: 'change_only', hasThreshold: false });
	});

	it('names each bad answer, an unknown instrument, or a wrong count, and stores nothing', async () => {
		const patientId = await insertPatient(db());
		expect(await recordInstrumentScore(db(), patientId, { instrument: SAMPLE.code, answers: [5, 0, 1.5, 0] }, INSTRUMENTS, staff)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { item0: 'outcomes.error.out_of_range', item2: 'outcomes.error.not_integer' }
		});
		expect(await recordInstrumentScore(db(), patientId, { instrument: SAMPLE.code, answers: [1, 1] }, INSTRUMENTS, staff)).toMatchObject({
			fields: { _: 'outcomes.error.item_count' }
		});
		expect(await recordInstrumentScore(db(), patientId, { instrument: 'odi', answers: [1] }, INSTRUMENTS, staff)).toMatchObject({
			fields: { instrument: 'outcomes.instruments.error.unknown' }
		});
		expect(await recordInstrumentScore(db(), patientId, { instrument: SAMPLE.code, answers: ['1'] } as never, INSTRUMENTS, staff)).toMatchObject({
			code: 'invalid',
			fields: { 'answers.0': 'outcomes.error.invalid' }
		});
		expect(await db().kysely.selectFrom('clinic_instrument_score').select('id').where('patient_id', '=', patientId).execute()).toEqual([]);
	});

	it('refuses an unknown or merged patient and another patient’s appointment', async () => {
		const survivor = await insertPatient(db());
		const merged = await insertPatient(db(), { mergedInto: survivor });
		const other = await insertPatient(db());
		const visit = await insertAppointment(db(), other, await insertPractitioner(db(), null), at(-1).toISOString());
		const input = { instrument: TWO_ITEMS.code, answers: [1, 1] };
		expect(await recordInstrumentScore(db(), randomUUID(), input, INSTRUMENTS, staff)).toEqual({ ok: false, code: 'not_found' });
		expect(await recordInstrumentScore(db(), merged, input, INSTRUMENTS, staff)).toEqual({ ok: false, code: 'not_found' });
		expect(await recordInstrumentScore(db(), survivor, input, INSTRUMENTS, staff, { appointmentId: visit })).toEqual({ ok: false, code: 'not_found' });
		expect(await recordInstrumentScore(db(), other, input, INSTRUMENTS, staff, { appointmentId: visit })).toMatchObject({ ok: true });
		const rows = await db()
			.kysely.selectFrom('clinic_instrument_score')
			.select(['patient_id', 'appointment_id'])
			.where('patient_id', 'in', [survivor, merged, other])
			.execute();
		expect(rows).toEqual([{ patient_id: other, appointment_id: visit }]);
	});
});

describe('the console form for a clinic instrument', () => {
	const filled = { item0: '4', item1: ' 0 ', item2: '2', item3: '1' };

	it('reads one answer per item into the instrument’s answers', () => {
		expect(ZInstrumentScoreFormSchema(SAMPLE).parse(filled)).toEqual({ instrument: SAMPLE.code, answers: [4, 0, 2, 1] });
	});

	it('asks again for every missing, off-scale or tampered answer', () => {
		const result = ZInstrumentScoreFormSchema(SAMPLE).safeParse({ ...filled, item0: undefined, item1: '5', item3: '1; drop' });
		const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
		expect(fields).toEqual({
			item0: 'outcomes.instruments.error.answer',
			item1: 'outcomes.instruments.error.answer',
			item3: 'outcomes.instruments.error.answer'
		});
	});
});
