import { describe, expect, it } from 'vitest';
import { mayInvite, planIntervalDays, recallDueOn, recallList, type RecallFacts } from './recall';

const facts = (over: Partial<RecallFacts>): RecallFacts => ({
	patientId: 'p',
	lastVisitOn: '2026-11-01',
	planFrequencyPerWeek: null,
	hasNextVisit: false,
	remindersWithdrawn: false,
	hasEmail: true,
	lastInvitedAt: null,
	...over
});

describe('planIntervalDays', () => {
	it('turns visits per week into days between visits, rounding up', () => {
		expect(planIntervalDays(1)).toBe(7);
		expect(planIntervalDays(2)).toBe(4);
		expect(planIntervalDays(3)).toBe(3);
		expect(planIntervalDays(0.5)).toBe(14);
		expect(planIntervalDays(14)).toBe(1);
	});
});

describe('recallDueOn', () => {
	it("follows the plan's frequency", () => {
		expect(recallDueOn('2026-11-01', 1, 8)).toEqual({ dueOn: '2026-11-08', basis: 'plan' });
	});
	it('falls back to the weeks setting without a usable plan', () => {
		expect(recallDueOn('2026-11-01', null, 8)).toEqual({ dueOn: '2026-12-27', basis: 'weeks' });
		expect(recallDueOn('2026-11-01', 0, 2)).toEqual({ dueOn: '2026-11-15', basis: 'weeks' });
	});
	it('crosses month and year ends', () => {
		expect(recallDueOn('2026-12-28', 1, 8)).toEqual({ dueOn: '2027-01-04', basis: 'plan' });
	});
});

describe('recallList', () => {
	it('lists only patients who are due and have no next visit, the longest overdue first', () => {
		const list = recallList(
			[
				facts({ patientId: 'weekly-overdue', planFrequencyPerWeek: 1, lastVisitOn: '2026-11-01' }),
				facts({ patientId: 'booked', planFrequencyPerWeek: 1, hasNextVisit: true }),
				facts({ patientId: 'not-yet', planFrequencyPerWeek: 1, lastVisitOn: '2026-11-25' }),
				facts({ patientId: 'no-plan', lastVisitOn: '2026-09-01' }),
				facts({ patientId: 'no-plan-recent', lastVisitOn: '2026-11-01' })
			],
			'2026-12-01',
			8
		);
		expect(list.map((e) => [e.patientId, e.dueOn, e.daysOverdue, e.basis])).toEqual(
			[
				['weekly-overdue', '2026-11-08', 23, 'plan'],
				['no-plan', '2026-10-27', 35, 'weeks']
			].sort((a, b) => (b[2] as number) - (a[2] as number))
		);
	});

	it('lists a patient on the day they fall due', () => {
		expect(recallList([facts({ planFrequencyPerWeek: 1 })], '2026-11-08', 8)).toHaveLength(1);
		expect(recallList([facts({ planFrequencyPerWeek: 1 })], '2026-11-07', 8)).toHaveLength(0);
	});

	it('keeps patients who withdrew consent for reminders, but never as invitable', () => {
		const [entry] = recallList([facts({ remindersWithdrawn: true, planFrequencyPerWeek: 1 })], '2026-12-01', 8);
		expect(entry?.inviteBlocked).toBe('reminders_withdrawn');
		const [noMail] = recallList([facts({ hasEmail: false, planFrequencyPerWeek: 1 })], '2026-12-01', 8);
		expect(noMail?.inviteBlocked).toBe('no_email');
	});
});

describe('mayInvite', () => {
	it('needs consent to reminders and an address', () => {
		expect(mayInvite({ remindersWithdrawn: false, hasEmail: true })).toBe(true);
		expect(mayInvite({ remindersWithdrawn: true, hasEmail: true })).toBe(false);
		expect(mayInvite({ remindersWithdrawn: false, hasEmail: false })).toBe(false);
	});
});
