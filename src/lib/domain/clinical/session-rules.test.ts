import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	allowedTechniques,
	amendmentDiff,
	checkOccurredAt,
	cuppingPolicy,
	isLocked,
	LOCK_AFTER_MS,
	lockTime,
	mayChangeNeedleCount,
	mayClose,
	mayMoxa,
	mayNeedle,
	NO_TECHNIQUES,
	planPointsForSession,
	OCCURRED_BEFORE_START_MS,
	refusesCupping,
	retentionEndsAt,
	techniquesUsed,
	unlicensedTechniques,
	type CuppingPolicy
} from './session-rules';

const count = fc.integer({ min: 0, max: 200 });

describe('mayClose', () => {
	it('lets a session close when every needle inserted was removed', () => {
		expect(mayClose({ needlesIn: 6, needlesOut: 6 })).toEqual({ ok: true });
		expect(mayClose({ needlesIn: 0, needlesOut: 0 })).toEqual({ ok: true });
	});

	it('refuses while a needle is still in', () => {
		expect(mayClose({ needlesIn: 6, needlesOut: 5 })).toEqual({ ok: false, reasons: ['counts_differ'] });
	});

	it('refuses when more needles came out than went in (a miscount)', () => {
		expect(mayClose({ needlesIn: 5, needlesOut: 6 })).toEqual({ ok: false, reasons: ['counts_differ'] });
	});

	it('refuses negative or fractional counts, naming both reasons when they also differ', () => {
		expect(mayClose({ needlesIn: -1, needlesOut: -1 })).toEqual({ ok: false, reasons: ['negative_count'] });
		expect(mayClose({ needlesIn: 1.5, needlesOut: 1 })).toEqual({ ok: false, reasons: ['negative_count', 'counts_differ'] });
	});

	it('closes exactly when the counts are equal whole numbers (property)', () => {
		fc.assert(fc.property(count, count, (a, b) => mayClose({ needlesIn: a, needlesOut: b }).ok === (a === b)));
	});

	it('refuses a session that records needled points but counted no needle', () => {
		expect(mayClose({ needlesIn: 0, needlesOut: 0, needledPoints: 3 })).toEqual({ ok: false, reasons: ['count_missing'] });
		expect(mayClose({ needlesIn: 3, needlesOut: 3, needledPoints: 3 })).toEqual({ ok: true });
	});
});

describe('licence rules for needling and moxibustion (docs/clinical-rules.md §6)', () => {
	const hariOnly = { hari: true, kyu: false };
	const kyuOnly = { hari: false, kyu: true };

	it('lets only a はり師 needle and only a きゅう師 burn moxa', () => {
		expect([mayNeedle(hariOnly), mayNeedle(kyuOnly)]).toEqual([true, false]);
		expect([mayMoxa(hariOnly), mayMoxa(kyuOnly)]).toEqual([false, true]);
	});

	it('refuses a needle counted in without はり師, but never a needle counted out', () => {
		const before = { needlesIn: 2, needlesOut: 0 };
		expect(mayChangeNeedleCount(kyuOnly, before, { needlesIn: 3, needlesOut: 0 })).toBe(false);
		expect(mayChangeNeedleCount(kyuOnly, before, { needlesIn: 2, needlesOut: 2 })).toBe(true);
		expect(mayChangeNeedleCount(kyuOnly, before, { needlesIn: 1, needlesOut: 0 })).toBe(true);
		expect(mayChangeNeedleCount(hariOnly, before, { needlesIn: 9, needlesOut: 0 })).toBe(true);
	});

	it('copies a plan’s needled points only into the session of a はり師', () => {
		const points = [{ code: 'GB30' }, { code: 'BL40' }];
		expect(planPointsForSession(points, hariOnly)).toEqual(points);
		expect(planPointsForSession(points, kyuOnly)).toEqual([]);
		expect(planPointsForSession(points, { hari: false, kyu: false })).toEqual([]);
	});
});

describe('lockTime and isLocked', () => {
	it('locks the record 24 hours after it was closed', () => {
		expect(lockTime('2026-03-01T01:00:00.000Z').toISOString()).toBe('2026-03-02T01:00:00.000Z');
	});

	it('keeps the record editable up to the last millisecond before the lock time', () => {
		const closed = '2026-03-01T01:00:00.000Z';
		expect(isLocked(closed, new Date('2026-03-02T00:59:59.999Z'))).toBe(false);
		expect(isLocked(closed, new Date('2026-03-02T01:00:00.000Z'))).toBe(true);
	});

	it('never locks a session that is still open', () => {
		expect(isLocked(null, new Date('2099-01-01T00:00:00Z'))).toBe(false);
	});

	it('is locked exactly when now is at least 24 hours after closing (property)', () => {
		const instant = fc.integer({ min: 0, max: 4_000_000_000_000 });
		fc.assert(
			fc.property(instant, fc.integer({ min: -LOCK_AFTER_MS * 3, max: LOCK_AFTER_MS * 3 }), (closed, offset) => {
				const now = new Date(closed + offset);
				return isLocked(new Date(closed), now) === offset >= LOCK_AFTER_MS;
			})
		);
	});
});

describe('allowedTechniques', () => {
	it('gives a はり師 needling and electroacupuncture, not moxibustion', () => {
		expect(allowedTechniques({ hari: true, kyu: false })).toEqual(['needling', 'electroacupuncture', 'cupping']);
	});

	it('gives a きゅう師 moxibustion only, besides cupping', () => {
		expect(allowedTechniques({ hari: false, kyu: true })).toEqual(['moxibustion', 'cupping']);
	});

	it('gives both licences every technique', () => {
		expect(allowedTechniques({ hari: true, kyu: true })).toEqual(['needling', 'electroacupuncture', 'moxibustion', 'cupping']);
	});

	it('gives nothing without a licence, whatever the cupping policy', () => {
		for (const policy of ['any_licence', 'hari_only', 'not_offered'] as CuppingPolicy[]) {
			expect(allowedTechniques({ hari: false, kyu: false }, policy)).toEqual([]);
		}
	});

	it('follows the clinic policy for cupping', () => {
		expect(allowedTechniques({ hari: false, kyu: true }, 'hari_only')).toEqual(['moxibustion']);
		expect(allowedTechniques({ hari: true, kyu: true }, 'not_offered')).toEqual(['needling', 'electroacupuncture', 'moxibustion']);
	});
});

describe('the clinic’s cupping setting', () => {
	const cups = { cups: 4, minutes: 5 };

	it('lets every licensed practitioner cup while the clinic offers it, and nobody once it does not', () => {
		expect(allowedTechniques({ hari: false, kyu: true }, cuppingPolicy(true))).toContain('cupping');
		expect(allowedTechniques({ hari: true, kyu: true }, cuppingPolicy(false))).not.toContain('cupping');
	});

	it('refuses new or changed cupping when not offered, but keeps or drops what was recorded before', () => {
		expect(refusesCupping(false, null, cups)).toBe(true);
		expect(refusesCupping(false, cups, { ...cups, minutes: 10 })).toBe(true);
		expect(refusesCupping(false, cups, { ...cups })).toBe(false);
		expect(refusesCupping(false, cups, null)).toBe(false);
		expect(refusesCupping(true, null, cups)).toBe(false);
	});
});

describe('checkOccurredAt', () => {
	const start = new Date('2026-03-02T01:00:00.000Z');
	const now = new Date('2026-03-02T02:00:00.000Z');

	it('accepts any time from a day before the session began up to now, both included', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: start.getTime() - OCCURRED_BEFORE_START_MS, max: now.getTime() }),
				(at) => checkOccurredAt(new Date(at), start, now) === null
			)
		);
	});

	it('refuses a time after now and one more than a day before the session began', () => {
		expect(checkOccurredAt(new Date(now.getTime() + 60_000), start, now)).toBe('future');
		expect(checkOccurredAt(new Date(start.getTime() - OCCURRED_BEFORE_START_MS - 60_000), start.toISOString(), now)).toBe('before_session');
	});
});

describe('techniquesUsed and unlicensedTechniques', () => {
	it('reads nothing from an empty record', () => {
		expect(techniquesUsed(NO_TECHNIQUES)).toEqual([]);
	});

	it('counts moxa on the needle head (灸頭鍼) as needling and moxibustion', () => {
		const t = { ...NO_TECHNIQUES, moxibustion: { type: 'needle_top' as const, cones: 3 } };
		expect(techniquesUsed(t)).toEqual(['needling', 'moxibustion']);
		expect(unlicensedTechniques(t, allowedTechniques({ hari: false, kyu: true }))).toEqual(['needling']);
	});

	it('refuses electroacupuncture to a practitioner with only きゅう師', () => {
		const t = { ...NO_TECHNIQUES, electroacupuncture: { pairs: 2, frequencyHz: 2, minutes: 15 } };
		expect(unlicensedTechniques(t, allowedTechniques({ hari: false, kyu: true }))).toEqual(['electroacupuncture']);
		expect(unlicensedTechniques(t, allowedTechniques({ hari: true, kyu: false }))).toEqual([]);
	});
});

describe('retentionEndsAt', () => {
	it('ends the default 20 minutes after the timer started', () => {
		expect(retentionEndsAt('2026-03-01T01:00:00.000Z', 20)?.toISOString()).toBe('2026-03-01T01:20:00.000Z');
	});

	it('has no end when the timer was not started', () => {
		expect(retentionEndsAt(null, 20)).toBeNull();
	});

	it('is always the start plus the minutes (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 1, max: 120 }), (start, minutes) => {
				return retentionEndsAt(new Date(start), minutes)!.getTime() - start === minutes * 60_000;
			})
		);
	});
});

describe('amendmentDiff', () => {
	it('lists only the fields that changed, keeping the original value', () => {
		expect(amendmentDiff({ notes: 'a', needlesIn: 6 }, { notes: 'b', needlesIn: 6 })).toEqual([{ field: 'notes', before: 'a', after: 'b' }]);
	});

	it('compares objects by content, whatever the key order', () => {
		expect(amendmentDiff({ t: { a: 1, b: 2 } }, { t: { b: 2, a: 1 } })).toEqual([]);
		expect(amendmentDiff({ t: [{ code: 'GB30' }] }, { t: [{ code: 'GB30' }, { code: 'BL40' }] })).toHaveLength(1);
	});

	it('treats a missing field as null', () => {
		expect(amendmentDiff({ a: null }, {})).toEqual([]);
		expect(amendmentDiff({}, { a: 1 })).toEqual([{ field: 'a', before: null, after: 1 }]);
	});

	it('finds nothing between a record and itself, and is symmetric in which fields differ (property)', () => {
		const record = fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue());
		fc.assert(
			fc.property(record, record, (a, b) => {
				expect(amendmentDiff(a, a)).toEqual([]);
				const forward = amendmentDiff(a, b)
					.map((c) => c.field)
					.sort();
				const backward = amendmentDiff(b, a)
					.map((c) => c.field)
					.sort();
				expect(forward).toEqual(backward);
			})
		);
	});
});
