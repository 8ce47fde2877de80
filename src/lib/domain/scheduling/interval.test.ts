import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersect, normalize, overlaps, saturated, subtract, type Interval } from './interval';

const interval = fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 200 })).map(([start, length]) => ({ start, end: start + length }));
const covers = (list: Interval[], t: number) => list.some((i) => i.start <= t && t < i.end);

describe('interval arithmetic', () => {
	it('treats touching intervals as not overlapping', () => {
		expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
		expect(overlaps({ start: 0, end: 11 }, { start: 10, end: 20 })).toBe(true);
	});

	it('merges touching and overlapping intervals', () => {
		expect(
			normalize([
				{ start: 10, end: 20 },
				{ start: 0, end: 10 },
				{ start: 15, end: 30 },
				{ start: 40, end: 50 }
			])
		).toEqual([
			{ start: 0, end: 30 },
			{ start: 40, end: 50 }
		]);
	});

	it('subtracts a break from a working day', () => {
		expect(subtract([{ start: 0, end: 100 }], [{ start: 40, end: 60 }])).toEqual([
			{ start: 0, end: 40 },
			{ start: 60, end: 100 }
		]);
	});

	it('subtract and intersect agree with point membership (property)', () => {
		fc.assert(
			fc.property(fc.array(interval, { maxLength: 8 }), fc.array(interval, { maxLength: 8 }), fc.integer({ min: 0, max: 1300 }), (a, b, t) => {
				expect(covers(subtract(a, b), t)).toBe(covers(a, t) && !covers(b, t));
				expect(covers(intersect(a, b), t)).toBe(covers(a, t) && covers(b, t));
			}),
			{ numRuns: 500 }
		);
	});
});

describe('saturated', () => {
	it('is normalize for a capacity of one', () => {
		const list = [
			{ start: 0, end: 10 },
			{ start: 5, end: 20 },
			{ start: 30, end: 40 }
		];
		expect(saturated(list, 1)).toEqual(normalize(list));
	});

	it('keeps only the times where as many overlap as the capacity allows', () => {
		const list = [
			{ start: 0, end: 10 },
			{ start: 5, end: 20 },
			{ start: 15, end: 30 }
		];
		expect(saturated(list, 2)).toEqual([
			{ start: 5, end: 10 },
			{ start: 15, end: 20 }
		]);
		expect(saturated(list, 3)).toEqual([]);
	});

	it('treats touching intervals as not overlapping, and counts a weight as that many', () => {
		expect(
			saturated(
				[
					{ start: 0, end: 10 },
					{ start: 10, end: 20 }
				],
				2
			)
		).toEqual([]);
		expect(
			saturated(
				[
					{ start: 0, end: 10, weight: 2 },
					{ start: 5, end: 20 }
				],
				2
			)
		).toEqual([{ start: 0, end: 10 }]);
	});

	it('marks a point as full exactly when at least capacity intervals cover it', () => {
		const arbitrary = fc.array(
			fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 20 })).map(([start, length]) => ({ start, end: start + length })),
			{ maxLength: 8 }
		);
		fc.assert(
			fc.property(arbitrary, fc.integer({ min: 1, max: 4 }), (list, capacity) => {
				const full = saturated(list, capacity);
				for (let t = 0; t < 72; t++) {
					const covering = list.filter((i) => i.start <= t && t < i.end).length;
					const inFull = full.some((i) => i.start <= t && t < i.end);
					expect(inFull).toBe(covering >= capacity);
				}
			})
		);
	});
});
