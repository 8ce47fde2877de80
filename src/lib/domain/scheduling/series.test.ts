import { describe, expect, it } from 'vitest';
import { freeSlots, type BookingRules, type PractitionerSchedule, type ServiceSpec } from './availability';
import { localInstant, weekdayOf } from '../time';
import { isRunningOut, nearestSlot, proposeSeries, remainingVisits, seriesDates } from './series';

const TZ = 'Asia/Tokyo';
const at = (date: string, time: string) => localInstant(date, time, TZ);

describe('seriesDates', () => {
	it('books "weekly × 6" on the same weekday six weeks running', () => {
		const dates = seriesDates('2026-12-07', 1, 6);
		expect(dates).toEqual(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11']);
		expect(new Set(dates.map(weekdayOf))).toEqual(new Set([1]));
	});

	it('spreads twice a week over the week (Monday and Thursday)', () => {
		expect(seriesDates('2026-12-07', 2, 4)).toEqual(['2026-12-07', '2026-12-10', '2026-12-14', '2026-12-17']);
	});

	it('books three times a week on alternate days', () => {
		expect(seriesDates('2026-12-07', 3, 3)).toEqual(['2026-12-07', '2026-12-09', '2026-12-11']);
	});

	it('treats a frequency outside 1..7 as the nearest one and books no visit for a count of zero', () => {
		expect(seriesDates('2026-12-07', 0, 2)).toEqual(['2026-12-07', '2026-12-14']);
		expect(seriesDates('2026-12-07', 9, 2)).toEqual(['2026-12-07', '2026-12-08']);
		expect(seriesDates('2026-12-07', 1, 0)).toEqual([]);
	});
});

describe('remaining visits and running out', () => {
	it('counts what a plan still needs and never goes below zero', () => {
		expect(remainingVisits(6, 1)).toBe(5);
		expect(remainingVisits(6, 8)).toBe(0);
	});

	it('says a series runs out when at most one visit is left', () => {
		expect(isRunningOut(2)).toBe(false);
		expect(isRunningOut(1)).toBe(true);
		expect(isRunningOut(0)).toBe(true);
	});
});

const rules: BookingRules = {
	timeZone: TZ,
	slotStepMinutes: 15,
	minNoticeMinutes: 0,
	horizonDays: 365,
	openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
	closedDates: []
};
const service: ServiceSpec = { id: 'follow', durationMinutes: 45, bufferMinutes: 15, needsBed: true };
const hours = rules.openingHours;
const fujita: PractitionerSchedule = { id: 'p-fujita', workingHours: hours, timeOff: [], serviceIds: ['follow'] };
const sato: PractitionerSchedule = { id: 'p-sato', workingHours: hours, timeOff: [], serviceIds: ['follow'] };
const now = at('2026-12-01', '09:00');

describe('proposeSeries', () => {
	const wanted = seriesDates('2026-12-07', 1, 3).map((d) => at(d, '10:00'));

	it('takes every wanted time that is free with the wanted practitioner', () => {
		const slots = freeSlots(rules, service, [fujita, sato], ['bed-1'], [], { from: '2026-12-04', to: '2026-12-24', now });
		const proposals = proposeSeries(wanted, slots, 'p-fujita');
		expect(proposals.map((p) => p.slot?.start)).toEqual(wanted);
		expect(proposals.every((p) => p.slot?.practitionerId === 'p-fujita' && p.alternative === null)).toBe(true);
	});

	it('shows a taken visit with the nearest free time of the same practitioner', () => {
		// Fujita is busy 09:00–11:00 on the second Monday: the nearest start after it is 11:00.
		const busy = [{ resource: { kind: 'practitioner' as const, id: 'p-fujita' }, start: at('2026-12-14', '09:00'), end: at('2026-12-14', '11:00') }];
		const slots = freeSlots(rules, service, [fujita, sato], ['bed-1'], busy, { from: '2026-12-04', to: '2026-12-24', now });
		const [first, second, third] = proposeSeries(wanted, slots, 'p-fujita');
		expect(first!.slot).not.toBeNull();
		expect(second!.slot).toBeNull();
		expect(second!.alternative).toMatchObject({ start: at('2026-12-14', '11:00'), practitionerId: 'p-fujita' });
		expect(third!.slot).not.toBeNull();
	});

	it('offers another practitioner when the wanted one has no time near it', () => {
		const busy = [{ resource: { kind: 'practitioner' as const, id: 'p-fujita' }, start: at('2026-12-10', '00:00'), end: at('2026-12-18', '00:00') }];
		const slots = freeSlots(rules, service, [fujita, sato], ['bed-1'], busy, { from: '2026-12-04', to: '2026-12-24', now });
		const second = proposeSeries(wanted, slots, 'p-fujita')[1]!;
		expect(second.slot).toBeNull();
		expect(second.alternative).toMatchObject({ start: at('2026-12-14', '10:00'), practitionerId: 'p-sato' });
	});

	it('has no alternative when nothing is free within the window', () => {
		const bedBusy = [{ resource: { kind: 'bed' as const, id: 'bed-1' }, start: at('2026-12-04', '00:00'), end: at('2026-12-25', '00:00') }];
		const slots = freeSlots(rules, service, [fujita, sato], ['bed-1'], bedBusy, { from: '2026-12-04', to: '2026-12-24', now });
		expect(proposeSeries(wanted, slots, 'p-fujita').every((p) => p.slot === null && p.alternative === null)).toBe(true);
	});

	it('never offers one slot to two visits of the series', () => {
		const slot = { start: at('2026-12-07', '10:00'), end: at('2026-12-07', '10:45'), practitionerId: 'p-fujita', bedId: 'bed-1' };
		const proposals = proposeSeries([slot.start, at('2026-12-07', '10:15')], [slot], 'p-fujita');
		expect(proposals[0]!.slot).toEqual(slot);
		expect(proposals[1]!.slot).toBeNull();
		expect(proposals[1]!.alternative).toBeNull();
	});
});

describe('nearestSlot', () => {
	const slot = (time: string, practitionerId = 'p-fujita') => ({
		start: at('2026-12-07', time),
		end: at('2026-12-07', time) + 45 * 60_000,
		practitionerId,
		bedId: null
	});

	it('prefers the earlier of two equally near times', () => {
		expect(nearestSlot([slot('11:00'), slot('09:00')], at('2026-12-07', '10:00'), 'p-fujita')?.start).toBe(at('2026-12-07', '09:00'));
	});

	it('prefers the same practitioner even when another is nearer', () => {
		expect(nearestSlot([slot('10:15', 'p-sato'), slot('15:00')], at('2026-12-07', '10:00'), 'p-fujita')?.practitionerId).toBe('p-fujita');
	});

	it('looks no further than the window', () => {
		expect(nearestSlot([slot('10:00')], at('2026-12-11', '10:00'), 'p-fujita', 3)).toBeNull();
	});
});
