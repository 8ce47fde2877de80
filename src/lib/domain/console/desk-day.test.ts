import { describe, expect, it } from 'vitest';
import { deskDay, deskStatus, unconfirmedVisits, type DeskVisitFacts } from './desk-day';

const visit = (over: Partial<DeskVisitFacts> = {}): DeskVisitFacts => ({
	id: 'a',
	start: '2026-03-02T01:00:00.000Z',
	status: 'booked',
	confirmedAt: null,
	changeRequestedAt: null,
	openSession: false,
	charged: false,
	...over
});

describe('deskStatus', () => {
	it('calls a booked visit without an answer booked, and with "I will come" confirmed', () => {
		expect(deskStatus(visit())).toBe('booked');
		expect(deskStatus(visit({ confirmedAt: '2026-03-01T09:00:00.000Z' }))).toBe('confirmed');
	});

	it('calls an arrived visit arrived, and one with an open session in treatment', () => {
		expect(deskStatus(visit({ status: 'arrived' }))).toBe('arrived');
		expect(deskStatus(visit({ status: 'arrived', openSession: true }))).toBe('in_treatment');
	});

	it('lets an open session win even when the row still says booked or completed', () => {
		expect(deskStatus(visit({ openSession: true }))).toBe('in_treatment');
		expect(deskStatus(visit({ status: 'completed', openSession: true }))).toBe('in_treatment');
	});

	it('calls a completed visit unpaid until it is charged, then done', () => {
		expect(deskStatus(visit({ status: 'completed' }))).toBe('unpaid');
		expect(deskStatus(visit({ status: 'completed', charged: true }))).toBe('done');
	});

	it('keeps a no-show a no-show, and gives cancelled and blocked time no status', () => {
		expect(deskStatus(visit({ status: 'no_show', openSession: true }))).toBe('no_show');
		expect(deskStatus(visit({ status: 'cancelled' }))).toBeNull();
		expect(deskStatus(visit({ status: 'blocked' }))).toBeNull();
	});
});

describe('deskDay', () => {
	const now = Date.parse('2026-03-02T01:00:00.000Z');
	const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

	it('orders the day by start time, ties by id, and leaves out cancelled and blocked time', () => {
		const day = deskDay(
			[
				visit({ id: 'late', start: at(60) }),
				visit({ id: 'b', start: at(0) }),
				visit({ id: 'a', start: at(0) }),
				visit({ id: 'gone', start: at(-30), status: 'cancelled' }),
				visit({ id: 'block', start: at(-60), status: 'blocked' })
			],
			now
		);
		expect(day.timeline.map((v) => v.id)).toEqual(['a', 'b', 'late']);
	});

	it('lists for greeting the visits due within half an hour or late, not those arrived or further off', () => {
		const day = deskDay(
			[
				visit({ id: 'overdue', start: at(-10) }),
				visit({ id: 'soon', start: at(30), confirmedAt: at(-600) }),
				visit({ id: 'later', start: at(31) }),
				visit({ id: 'here', start: at(-5), status: 'arrived' }),
				visit({ id: 'treating', start: at(-20), openSession: true })
			],
			now
		);
		expect(day.toGreet.map((v) => v.id)).toEqual(['overdue', 'soon']);
	});

	it('lists for charging only completed visits without a charge', () => {
		const day = deskDay(
			[visit({ id: 'paid', status: 'completed', charged: true }), visit({ id: 'owes', status: 'completed' }), visit({ id: 'arrived', status: 'arrived' })],
			now
		);
		expect(day.toCharge.map((v) => v.id)).toEqual(['owes']);
		expect(day.timeline.find((v) => v.id === 'paid')?.deskStatus).toBe('done');
	});
});

describe('unconfirmedVisits', () => {
	it('keeps booked visits without a confirmation, a request to change included, in time order', () => {
		const list = unconfirmedVisits([
			visit({ id: 'second', start: '2026-03-03T03:00:00.000Z' }),
			visit({ id: 'first', start: '2026-03-03T01:00:00.000Z', changeRequestedAt: '2026-03-02T00:00:00.000Z' }),
			visit({ id: 'yes', start: '2026-03-03T02:00:00.000Z', confirmedAt: '2026-03-02T00:00:00.000Z' }),
			visit({ id: 'off', start: '2026-03-03T02:00:00.000Z', status: 'cancelled' })
		]);
		expect(list.map((v) => v.id)).toEqual(['first', 'second']);
	});
});
