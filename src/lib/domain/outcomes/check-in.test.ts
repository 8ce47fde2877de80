import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInProblems, measureScores, parseStoredPsfs, parseStoredSbi, serializePsfs, serializeSbi, type CheckInAnswers } from './check-in';

const full: CheckInAnswers = {
	legPain: 6,
	backPain: 3,
	psfs: [
		{ activity: '靴下をはく', score: 4 },
		{ activity: '30分歩く', score: 2 },
		{ activity: '車の運転', score: 6 }
	],
	sbi: [4, 3, 1, 5],
	pgic: null
};
const none: CheckInAnswers = { legPain: null, backPain: null, psfs: null, sbi: null, pgic: null };

describe('check-in answers', () => {
	it('accepts a complete check-in and scores each measure', () => {
		expect(checkInProblems(full)).toEqual({});
		expect(measureScores(full)).toEqual({ legPain: 6, backPain: 3, psfs: 4, sbi: 13, pgic: null });
	});

	it('refuses an empty check-in', () => {
		expect(checkInProblems(none)).toEqual({ _: 'empty' });
	});

	it('names each answer out of range', () => {
		expect(checkInProblems({ ...full, legPain: 11, backPain: -1, pgic: 8, sbi: [7, 0, 0, 0] })).toEqual({
			legPain: 'out_of_range',
			backPain: 'out_of_range',
			pgic: 'out_of_range',
			sbi: 'out_of_range'
		});
		expect(checkInProblems({ ...none, pgic: 0 })).toEqual({ pgic: 'out_of_range' });
	});

	it('needs three to five named activities, each named once', () => {
		expect(checkInProblems({ ...none, psfs: full.psfs!.slice(0, 2) })).toEqual({ psfs: 'item_count' });
		expect(checkInProblems({ ...none, psfs: [...full.psfs!, { activity: ' ', score: 1 }] })).toEqual({ 'psfs.3.activity': 'activity_required' });
		expect(checkInProblems({ ...none, psfs: [...full.psfs!, { activity: '靴下をはく', score: 1 }] })).toEqual({ 'psfs.3.activity': 'activity_repeated' });
		expect(checkInProblems({ ...none, psfs: [...full.psfs!, { activity: 'あ'.repeat(61), score: 1 }] })).toEqual({ 'psfs.3.activity': 'activity_too_long' });
		expect(checkInProblems({ ...none, sbi: [1, 2, 3] })).toEqual({ sbi: 'item_count' });
	});
});

describe('stored JSON', () => {
	it('reads back what it writes, with activity names trimmed', () => {
		const psfs = [
			{ activity: ' 階段 ', score: 3 },
			{ activity: '立ち仕事', score: 5 },
			{ activity: '寝返り', score: 7 }
		];
		expect(parseStoredPsfs(serializePsfs(psfs))).toEqual([
			{ activity: '階段', score: 3 },
			{ activity: '立ち仕事', score: 5 },
			{ activity: '寝返り', score: 7 }
		]);
		expect(parseStoredSbi(serializeSbi([0, 6, 2, 1]))).toEqual([0, 6, 2, 1]);
		expect(serializePsfs(null)).toBeNull();
		expect(serializeSbi(null)).toBeNull();
	});

	it('treats anything not in the agreed shape as not answered, instead of failing', () => {
		for (const text of [
			null,
			'',
			'{',
			'{}',
			'[1,2,3]',
			'[{"activity":"a"}]',
			'[{"activity":"a","score":11},{"activity":"b","score":1},{"activity":"c","score":1}]'
		]) {
			expect(parseStoredPsfs(text), String(text)).toBeNull();
		}
		for (const text of [null, 'x', '[1,2,3]', '[1,2,3,"4"]', '[1,2,3,7]', '{"a":1}']) expect(parseStoredSbi(text), String(text)).toBeNull();
	});

	it('round-trips any valid SBI and PSFS answers (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 }),
				fc.array(
					fc.record({ activity: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s !== ''), score: fc.integer({ min: 0, max: 10 }) }),
					{ minLength: 3, maxLength: 5 }
				),
				(sbi, psfs) => {
					expect(parseStoredSbi(serializeSbi(sbi))).toEqual(sbi);
					expect(parseStoredPsfs(serializePsfs(psfs))).toEqual(psfs);
				}
			)
		);
	});
});
