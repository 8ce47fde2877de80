import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACK_PAIN_NRS, BUILTIN_INSTRUMENTS, LEG_PAIN_NRS, PGIC, PSFS, SBI } from './builtin-instruments';
import { answerProblem, changeFromBaseline, parseInstrumentDefinition, responderStatus, scoreOf, scoreRange } from './instrument';

describe('the built-in instruments', () => {
	it('ship exactly the four measures of §4 of the clinical rules (two pain scales), each with ja and en text', () => {
		expect(BUILTIN_INSTRUMENTS.map((i) => i.code)).toEqual(['leg_pain_nrs', 'back_pain_nrs', 'psfs', 'pgic', 'sbi']);
		for (const instrument of BUILTIN_INSTRUMENTS) {
			expect(instrument.name.ja).not.toBe('');
			expect(instrument.name.en).not.toBe('');
			for (const anchor of instrument.scale.anchors) expect(anchor.label.ja && anchor.label.en).toBeTruthy();
		}
	});

	it('label every PGIC point from very much improved (1) to very much worse (7)', () => {
		expect(PGIC.scale.anchors.map((a) => a.value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(PGIC.scale.anchors[0]!.label.en).toBe('Very much improved');
		expect(PGIC.scale.anchors[6]!.label.en).toBe('Very much worse');
		expect(new Set(PGIC.scale.anchors.map((a) => a.label.ja)).size).toBe(7);
	});

	it('are valid definitions by the same rules a clinic-supplied file must meet', () => {
		for (const instrument of BUILTIN_INSTRUMENTS) expect(parseInstrumentDefinition(instrument)).toEqual({ ok: true, instrument });
	});
});

describe('answers and scores', () => {
	it('accepts a pain rating from 0 to 10 and refuses 11, -1 and 2.5', () => {
		expect(answerProblem(LEG_PAIN_NRS, [0])).toBeNull();
		expect(answerProblem(LEG_PAIN_NRS, [10])).toBeNull();
		expect(answerProblem(LEG_PAIN_NRS, [11])).toBe('out_of_range');
		expect(answerProblem(BACK_PAIN_NRS, [-1])).toBe('out_of_range');
		expect(answerProblem(LEG_PAIN_NRS, [2.5])).toBe('not_integer');
		expect(answerProblem(LEG_PAIN_NRS, [])).toBe('item_count');
	});

	it('scores PSFS as the mean of 3 to 5 activities, and refuses 2 or 6', () => {
		expect(scoreOf(PSFS, [3, 4, 8])).toBe(5);
		expect(scoreOf(PSFS, [2, 4, 6, 8, 10])).toBe(6);
		expect(scoreOf(PSFS, [5, 5])).toBeNull();
		expect(scoreOf(PSFS, [5, 5, 5, 5, 5, 5])).toBeNull();
	});

	it('scores SBI as the total of its four items, 0 to 24', () => {
		expect(scoreOf(SBI, [6, 6, 6, 6])).toBe(24);
		expect(scoreOf(SBI, [1, 0, 2, 3])).toBe(6);
		expect(scoreOf(SBI, [7, 0, 0, 0])).toBeNull();
		expect(scoreOf(SBI, [1, 1, 1])).toBeNull();
		expect(scoreRange(SBI)).toEqual({ min: 0, max: 24 });
	});

	it('keeps every valid score inside the instrument range (property)', () => {
		for (const instrument of BUILTIN_INSTRUMENTS) {
			const range = scoreRange(instrument);
			const { min, max } = instrument.items.kind === 'fixed' ? { min: instrument.items.list.length, max: instrument.items.list.length } : instrument.items;
			fc.assert(
				fc.property(fc.array(fc.integer({ min: instrument.scale.min, max: instrument.scale.max }), { minLength: min, maxLength: max }), (answers) => {
					const score = scoreOf(instrument, answers)!;
					expect(score).toBeGreaterThanOrEqual(range.min);
					expect(score).toBeLessThanOrEqual(range.max);
				})
			);
		}
	});
});

describe('responder status (§4 of the clinical rules)', () => {
	it('counts a fall of 2 points in pain as a response, and 1 point from 6 as none', () => {
		expect(responderStatus(LEG_PAIN_NRS, 8, 6)).toBe('responder');
		expect(responderStatus(LEG_PAIN_NRS, 6, 5)).toBe('not_responder');
	});

	it('counts 30 % less pain as a response even when it is under 2 points', () => {
		expect(responderStatus(LEG_PAIN_NRS, 3, 2)).toBe('responder'); // 33 %
		expect(responderStatus(BACK_PAIN_NRS, 4, 3)).toBe('not_responder'); // 25 %
		expect(changeFromBaseline(LEG_PAIN_NRS, 10, 7)).toEqual({ difference: -3, improvement: 3, percentImprovement: 30 });
	});

	it('never calls worse pain, or no pain to begin with, a response', () => {
		expect(responderStatus(LEG_PAIN_NRS, 4, 7)).toBe('not_responder');
		expect(responderStatus(LEG_PAIN_NRS, 0, 0)).toBe('not_responder');
		expect(changeFromBaseline(LEG_PAIN_NRS, 0, 0).percentImprovement).toBeNull();
	});

	it('needs the PSFS mean to rise by at least 2, exact even for thirds', () => {
		const before = scoreOf(PSFS, [1, 2, 2])!; // 1.666…
		const after = scoreOf(PSFS, [3, 4, 4])!; // 3.666…
		expect(responderStatus(PSFS, before, after)).toBe('responder');
		expect(responderStatus(PSFS, 4, 5.9)).toBe('not_responder');
		expect(responderStatus(PSFS, 6, 4)).toBe('not_responder');
	});

	it('counts only much or very much improved as a PGIC response, without a baseline', () => {
		expect([1, 2, 3, 4, 5, 6, 7].map((v) => responderStatus(PGIC, null, v))).toEqual([
			'responder',
			'responder',
			'not_responder',
			'not_responder',
			'not_responder',
			'not_responder',
			'not_responder'
		]);
		expect(responderStatus(PGIC, null, null)).toBe('no_follow_up');
	});

	it('shows only the change for SBI', () => {
		expect(responderStatus(SBI, 20, 4)).toBe('change_only');
		expect(changeFromBaseline(SBI, 20, 14)).toMatchObject({ difference: -6, improvement: 6 });
	});

	it('says when the baseline or a follow-up is missing', () => {
		expect(responderStatus(LEG_PAIN_NRS, null, 3)).toBe('no_baseline');
		expect(responderStatus(LEG_PAIN_NRS, 5, null)).toBe('no_follow_up');
		expect(responderStatus(SBI, null, 3)).toBe('no_baseline');
	});

	it('agrees with the written rule for every pair of pain ratings (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (baseline, current) => {
				const fall = baseline - current;
				const expected = fall > 0 && (fall >= 2 || fall * 100 >= 30 * baseline);
				expect(responderStatus(LEG_PAIN_NRS, baseline, current) === 'responder').toBe(expected);
			})
		);
	});

	it('is monotone: less pain than a responder result is a responder result too (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (baseline, a, b) => {
				const [lower, higher] = a <= b ? [a, b] : [b, a];
				if (responderStatus(LEG_PAIN_NRS, baseline, higher) === 'responder') expect(responderStatus(LEG_PAIN_NRS, baseline, lower)).toBe('responder');
			})
		);
	});
});

describe('a clinic-supplied instrument definition', () => {
	const definition = {
		code: 'clinic_sleep',
		name: { ja: '睡眠の妨げ', en: 'Sleep disturbance' },
		scale: { min: 0, max: 4, anchors: [{ value: 0, label: { ja: 'なし', en: 'None' } }] },
		items: {
			kind: 'fixed',
			list: [
				{ code: 'nights', label: { ja: '夜間痛', en: 'Night pain' } },
				{ code: 'waking', label: { ja: '中途覚醒', en: 'Waking' } }
			]
		},
		score: 'sum',
		better: 'lower',
		responder: { kind: 'improvement', points: 2 }
	};

	it('is read and scored like a built-in one', () => {
		const result = parseInstrumentDefinition(definition);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(scoreOf(result.instrument, [3, 4])).toBe(7);
		expect(scoreRange(result.instrument)).toEqual({ min: 0, max: 8 });
		expect(responderStatus(result.instrument, 7, 5)).toBe('responder');
	});

	it('is refused with the reasons when it contradicts itself', () => {
		const result = parseInstrumentDefinition({ ...definition, code: 'Bad Code', scale: { min: 4, max: 0, anchors: [] }, responder: { kind: 'improvement' } });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.join('\n')).toMatch(/code/);
		expect(result.problems.join('\n')).toMatch(/scale/);
		expect(result.problems.join('\n')).toMatch(/responder/);
	});

	it('refuses a single score over several items', () => {
		expect(parseInstrumentDefinition({ ...definition, score: 'single' }).ok).toBe(false);
	});
});

describe('a score reported as a percentage', () => {
	const index = {
		code: 'clinic_index',
		name: { ja: '指標', en: 'Index' },
		scale: { min: 0, max: 5, anchors: [] },
		items: { kind: 'fixed', list: ['a', 'b', 'c', 'd'].map((code) => ({ code, label: { ja: code, en: code } })) },
		score: 'percent',
		better: 'lower',
		responder: { kind: 'improvement', points: 10 }
	};

	it('is the sum as a share of the highest possible sum, from 0 to 100', () => {
		const result = parseInstrumentDefinition(index);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(scoreOf(result.instrument, [5, 5, 5, 5])).toBe(100);
		expect(scoreOf(result.instrument, [1, 2, 3, 4])).toBe(50);
		expect(scoreOf(result.instrument, [0, 0, 0, 0])).toBe(0);
		expect(scoreRange(result.instrument)).toEqual({ min: 0, max: 100 });
		expect(changeFromBaseline(result.instrument, 50, 30).percentImprovement).toBe(40);
	});

	it('counts from the bottom of the scale when the scale starts above zero', () => {
		const result = parseInstrumentDefinition({ ...index, scale: { min: 1, max: 5, anchors: [] } });
		expect(result.ok && scoreOf(result.instrument, [1, 1, 5, 5])).toBe(50);
	});
});
