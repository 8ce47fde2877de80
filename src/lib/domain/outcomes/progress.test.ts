import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckIn } from './check-in';
import { baselineOf, summarizeProgress, type Session } from './progress';

const DAY = 86_400_000;
const T0 = Date.parse('2026-04-01T01:00:00.000Z');
const day = (n: number, hour = 0) => new Date(T0 + n * DAY + hour * 3_600_000).toISOString();
const activities = ['靴下をはく', '30分歩く', '車の運転'];

function checkIn(n: number, values: Partial<CheckIn> = {}): CheckIn {
	return {
		id: `c${n}`,
		recordedAt: day(n),
		source: 'portal',
		appointmentId: null,
		legPain: null,
		backPain: null,
		psfs: null,
		sbi: null,
		pgic: null,
		...values
	};
}
const psfs = (scores: number[]) => scores.map((score, i) => ({ activity: activities[i]!, score }));
const intake = checkIn(0, { source: 'intake', legPain: 7, backPain: 5, psfs: psfs([2, 3, 4]), sbi: [5, 4, 3, 6] });
/** A session every `every` days from day 1. */
const sessions = (count: number, every = 7): Session[] => Array.from({ length: count }, (_, i) => ({ id: `s${i + 1}`, startsAt: day(1 + i * every, 1) }));

describe('the baseline', () => {
	it('is the intake check-in, even when a portal check-in came first', () => {
		expect(baselineOf([checkIn(2, { legPain: 4 }), checkIn(-1, { legPain: 3 }), intake])?.id).toBe('c0');
	});

	it('is the first session check-in when there was no intake', () => {
		expect(baselineOf([checkIn(5, { legPain: 4 }), checkIn(1, { source: 'session', legPain: 6 })])?.id).toBe('c1');
	});

	it('falls back to the first check-in of any source, and is null without any', () => {
		expect(baselineOf([checkIn(5, { legPain: 4 }), checkIn(3, { legPain: 6 })])?.id).toBe('c3');
		expect(baselineOf([])).toBeNull();
	});
});

describe('progress since baseline', () => {
	const later = checkIn(14, { legPain: 4, backPain: 4, psfs: psfs([5, 5, 6]), sbi: [3, 3, 2, 2], pgic: 2 });

	it('reports the change, the responder status and the activities named at baseline', () => {
		const summary = summarizeProgress([later, intake], sessions(2), new Date(day(15)));
		expect(summary.baseline?.id).toBe('c0');
		expect(summary.latest?.id).toBe('c14');
		expect(summary.activities).toEqual(activities);
		expect(summary.measures.legPain).toMatchObject({ baseline: { value: 7 }, latest: { value: 4 }, difference: -3, improvement: 3, status: 'responder' });
		expect(summary.measures.backPain).toMatchObject({ difference: -1, status: 'not_responder' });
		expect(summary.measures.psfs).toMatchObject({ baseline: { value: 3 }, status: 'responder' });
		expect(summary.measures.psfs.latest?.value).toBeCloseTo(16 / 3);
		expect(summary.measures.sbi).toMatchObject({ baseline: { value: 18 }, latest: { value: 10 }, difference: -8, status: 'change_only' });
		expect(summary.measures.pgic).toMatchObject({ baseline: null, latest: { value: 2 }, status: 'responder' });
	});

	it('has no latest and no change when only the baseline exists', () => {
		const summary = summarizeProgress([intake], [], new Date(day(1)));
		expect(summary.latest).toBeNull();
		expect(summary.measures.legPain).toMatchObject({ baseline: { value: 7 }, latest: null, difference: null, status: 'no_follow_up' });
		expect(summary.measures.pgic.status).toBe('no_follow_up');
	});

	it('takes a measure the intake skipped from its first later answer', () => {
		const summary = summarizeProgress(
			[checkIn(0, { source: 'intake', legPain: 6 }), checkIn(3, { sbi: [2, 2, 2, 2] }), checkIn(9, { sbi: [1, 1, 1, 1] })],
			[],
			new Date(day(10))
		);
		expect(summary.measures.sbi).toMatchObject({ baseline: { value: 8 }, latest: { value: 4 }, difference: -4 });
		expect(summary.activities).toEqual([]);
	});

	it('is empty without check-ins', () => {
		const summary = summarizeProgress([], sessions(6), new Date(day(60)));
		expect(summary.baseline).toBeNull();
		expect(summary.measures.legPain.status).toBe('no_baseline');
		expect(summary.notImproving.status).toBe('no_baseline');
	});
});

describe('"not improving" (§4 of the clinical rules)', () => {
	const noBetter = checkIn(20, { legPain: 6 });

	it('waits for the 4th session when three weeks come first', () => {
		const result = summarizeProgress([intake, noBetter], sessions(3, 7), new Date(day(40))).notImproving;
		expect(result).toMatchObject({ status: 'not_due', sessionsSinceBaseline: 3, reviewFrom: null });
	});

	it('waits for three weeks when four sessions come first', () => {
		const result = summarizeProgress([intake, checkIn(5, { legPain: 6 })], sessions(4, 1), new Date(day(10))).notImproving;
		expect(result).toMatchObject({ status: 'not_due', sessionsSinceBaseline: 4, reviewFrom: day(21) });
	});

	it('prompts a review once both are reached without a responder result', () => {
		const result = summarizeProgress([intake, noBetter], sessions(4, 7), new Date(day(23))).notImproving;
		expect(result).toEqual({ status: 'not_improving', reason: 'below_threshold', sessionsSinceBaseline: 4, reviewFrom: day(22, 1) });
	});

	it('prompts a review when no leg pain was recorded since the baseline', () => {
		const result = summarizeProgress([intake], sessions(4, 7), new Date(day(23))).notImproving;
		expect(result).toMatchObject({ status: 'not_improving', reason: 'no_follow_up' });
	});

	it('does not prompt when the latest leg pain is a responder result', () => {
		const result = summarizeProgress([intake, noBetter, checkIn(22, { legPain: 4 })], sessions(4, 7), new Date(day(23))).notImproving;
		expect(result.status).toBe('improving');
	});

	it('prompts when an early response has faded', () => {
		const result = summarizeProgress([intake, checkIn(8, { legPain: 3 }), checkIn(22, { legPain: 7 })], sessions(4, 7), new Date(day(23))).notImproving;
		expect(result.status).toBe('not_improving');
	});

	it('counts the baseline session itself but not sessions before the baseline or still to come', () => {
		const base = checkIn(10, { source: 'session', legPain: 7, appointmentId: 'first' });
		const list: Session[] = [
			{ id: 'old', startsAt: day(2) },
			{ id: 'first', startsAt: day(10, -1) },
			{ id: 's2', startsAt: day(17) },
			{ id: 's3', startsAt: day(24) },
			{ id: 'future', startsAt: day(40) }
		];
		expect(summarizeProgress([base], list, new Date(day(30))).notImproving).toMatchObject({ status: 'not_due', sessionsSinceBaseline: 3 });
	});

	it('does not apply when there is no leg pain at baseline', () => {
		const result = summarizeProgress(
			[checkIn(0, { source: 'intake', legPain: 0, backPain: 6 }), checkIn(22, { legPain: 0 })],
			sessions(5, 7),
			new Date(day(40))
		).notImproving;
		expect(result.status).toBe('no_baseline');
	});

	it('is never due before three weeks or before four sessions (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 8 }),
				fc.integer({ min: 1, max: 14 }),
				fc.integer({ min: 0, max: 60 }),
				fc.integer({ min: 0, max: 10 }),
				(count, every, today, pain) => {
					const now = new Date(day(today, 12));
					const list = sessions(count, every);
					const result = summarizeProgress([intake, checkIn(Math.min(today, 1), { legPain: pain })], list, now).notImproving;
					const attended = list.filter((s) => s.startsAt <= now.toISOString()).length;
					if (today < 21 || attended < 4) expect(result.status).toBe('not_due');
					else expect(result.status).toBe(pain <= 5 ? 'improving' : 'not_improving');
				}
			)
		);
	});
});
