import { describe, expect, it } from 'vitest';
import { LEG_PAIN_NRS, PGIC } from './builtin-instruments';
import type { Instrument } from './instrument';
import { itemAnswerProblems, summarizeInstrumentScores, type InstrumentScore } from './instrument-series';

/** A made-up disability index: five items 0–5, reported as a percentage, 10 points is a response. */
const INDEX: Instrument = {
	code: 'clinic_index',
	name: { ja: '生活障害の指標', en: 'Disability index' },
	scale: { min: 0, max: 5, anchors: [] },
	items: { kind: 'fixed', list: ['a', 'b', 'c', 'd', 'e'].map((code) => ({ code, label: { ja: code, en: code } })) },
	score: 'percent',
	better: 'lower',
	responder: { kind: 'improvement', points: 10 }
};

const score = (id: string, at: string, value: number): InstrumentScore => ({ id, at: `2026-04-${at}T01:00:00.000Z`, value });

describe('one instrument over time', () => {
	it('compares the newest score with the first, whatever order the scores come in', () => {
		const summary = summarizeInstrumentScores(INDEX, [score('c', '20', 36), score('a', '01', 60), score('b', '10', 48)]);
		expect(summary).toMatchObject({ count: 3, difference: -24, improvement: 24, status: 'responder', hasThreshold: true });
		expect(summary.first?.id).toBe('a');
		expect(summary.latest?.id).toBe('c');
		expect(summary.percentImprovement).toBeCloseTo(40);
	});

	it('calls a fall below the threshold no response, and a single score a baseline without follow-up', () => {
		expect(summarizeInstrumentScores(INDEX, [score('a', '01', 60), score('b', '10', 52)]).status).toBe('not_responder');
		expect(summarizeInstrumentScores(INDEX, [score('a', '01', 60)])).toMatchObject({ latest: null, difference: null, status: 'no_follow_up' });
		expect(summarizeInstrumentScores(INDEX, [])).toMatchObject({ first: null, latest: null, count: 0, status: 'no_baseline' });
	});

	it('shows only the change when the definition gives no threshold', () => {
		const changeOnly: Instrument = { ...INDEX, responder: { kind: 'change_only' } };
		expect(summarizeInstrumentScores(changeOnly, [score('a', '01', 60), score('b', '10', 20)])).toMatchObject({
			difference: -40,
			status: 'change_only',
			hasThreshold: false
		});
	});

	it('reads a global-impression scale by its newest answer alone, without a baseline', () => {
		const summary = summarizeInstrumentScores(PGIC, [score('a', '01', 4), score('b', '10', 2)]);
		expect(summary).toMatchObject({ first: null, difference: null, status: 'responder' });
		expect(summary.latest?.id).toBe('b');
	});

	it('breaks a tie in time by id, so the same rows always give the same latest score', () => {
		const a = summarizeInstrumentScores(LEG_PAIN_NRS, [score('x', '01', 8), score('z', '05', 3), score('y', '05', 7)]);
		const b = summarizeInstrumentScores(LEG_PAIN_NRS, [score('y', '05', 7), score('z', '05', 3), score('x', '01', 8)]);
		expect(a.latest).toEqual(b.latest);
		expect(a.latest?.id).toBe('z');
	});
});

describe('answers item by item', () => {
	it('names each item whose answer is off the scale or not a whole number', () => {
		expect(itemAnswerProblems(INDEX, [0, 6, 2.5, -1, 5])).toEqual([
			{ item: 1, problem: 'out_of_range' },
			{ item: 2, problem: 'not_integer' },
			{ item: 3, problem: 'out_of_range' }
		]);
		expect(itemAnswerProblems(INDEX, [0, 1, 2, 3, 4])).toEqual([]);
	});

	it('reports a wrong number of answers once, for the whole set', () => {
		expect(itemAnswerProblems(INDEX, [9, 9])).toEqual([{ item: null, problem: 'item_count' }]);
	});
});
