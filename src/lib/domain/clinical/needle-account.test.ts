import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needlesMissing, unaccountedNeedles } from './needle-account';

describe('unaccountedNeedles (docs/clinical-rules.md §3)', () => {
	it('flags the reproduced bug: 5 needles in and 3 out', () => {
		expect(unaccountedNeedles({ needlesIn: 5, needlesOut: 3, needledPoints: 5 })).toBe('needles_in_body');
		expect(needlesMissing({ needlesIn: 5, needlesOut: 3 })).toBe(2);
	});

	it('flags needled points recorded with no needle counted in', () => {
		expect(unaccountedNeedles({ needlesIn: 0, needlesOut: 0, needledPoints: 2 })).toBe('count_missing');
	});

	it('accepts matching counts, and a session without needles at all', () => {
		expect(unaccountedNeedles({ needlesIn: 6, needlesOut: 6, needledPoints: 4 })).toBeNull();
		expect(unaccountedNeedles({ needlesIn: 0, needlesOut: 0, needledPoints: 0 })).toBeNull();
	});

	it('accepts a count without points (needles used off the point list)', () => {
		expect(unaccountedNeedles({ needlesIn: 3, needlesOut: 3, needledPoints: 0 })).toBeNull();
	});

	it('is accounted exactly when out reaches in and points, if any, were counted', () => {
		const n = fc.integer({ min: 0, max: 500 });
		fc.assert(
			fc.property(n, n, n, (needlesIn, needlesOut, needledPoints) => {
				const problem = unaccountedNeedles({ needlesIn, needlesOut, needledPoints });
				const accounted = needlesOut >= needlesIn && (needledPoints === 0 || needlesIn > 0);
				return (problem === null) === accounted;
			})
		);
	});

	it('never reports a negative number of missing needles', () => {
		expect(needlesMissing({ needlesIn: 2, needlesOut: 3 })).toBe(0);
	});
});
