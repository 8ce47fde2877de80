import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeSlots, type BookingRules, type BusyInterval, type PractitionerSchedule, type ServiceSpec } from './availability';
import { overlaps } from './interval';
import { localInstant, toOffsetIso } from '../time';

const TZ = 'Asia/Tokyo';
const weekdays = [1, 2, 3, 4, 5];
const rules: BookingRules = {
	timeZone: TZ,
	slotStepMinutes: 15,
	minNoticeMinutes: 120,
	horizonDays: 90,
	openingHours: weekdays.flatMap((weekday) => [
		{ weekday, start: '09:00', end: '12:30' },
		{ weekday, start: '14:30', end: '19:30' }
	]),
	closedDates: ['2026-11-23']
};
const followUp: ServiceSpec = { id: 'follow', durationMinutes: 45, bufferMinutes: 10, needsBed: true };
const fujita: PractitionerSchedule = {
	id: 'p-fujita',
	workingHours: weekdays.flatMap((weekday) => [
		{ weekday, start: '09:00', end: '12:30' },
		{ weekday, start: '14:30', end: '19:30' }
	]),
	timeOff: [],
	serviceIds: ['follow', 'first']
};
const sato: PractitionerSchedule = { ...fujita, id: 'p-sato' };
const beds = ['bed-1', 'bed-2'];
const now = Date.parse('2026-11-20T00:00:00Z'); // Friday 09:00 in Tokyo
const at = (date: string, time: string) => localInstant(date, time, TZ);
const times = (slots: Array<{ start: number }>) => slots.map((s) => toOffsetIso(s.start, TZ).slice(11, 16));

describe('freeSlots examples', () => {
	it('offers nothing on a public holiday the clinic has not opened', () => {
		expect(freeSlots(rules, followUp, [fujita], beds, [], { from: '2026-11-23', to: '2026-11-23', now })).toEqual([]);
	});

	it('keeps the lunch break free and ends each period with the last slot that fits with its buffer', () => {
		const slots = freeSlots(rules, followUp, [fujita], beds, [], { from: '2026-11-24', to: '2026-11-24', now });
		const list = times(slots);
		// 45 min + 10 min buffer must end by 12:30: the last morning start is 11:30 (11:30 + 55 = 12:25).
		expect(list.filter((t) => t < '13:00').at(-1)).toBe('11:30');
		expect(list).not.toContain('11:45');
		expect(list.some((t) => t > '12:30' && t < '14:30')).toBe(false);
		// The last evening start is 18:30 (18:30 + 55 = 19:25); 18:45 would end at 19:40.
		expect(list.at(-1)).toBe('18:30');
		expect(list[0]).toBe('09:00');
		expect(slots[0]).toMatchObject({ practitionerId: 'p-fujita', bedId: 'bed-1', end: at('2026-11-24', '09:45') });
	});

	it('respects the minimum notice and the booking horizon', () => {
		const sameDay = freeSlots(rules, followUp, [fujita], beds, [], { from: '2026-11-20', to: '2026-11-20', now });
		expect(times(sameDay)[0]).toBe('11:00');
		const far = freeSlots(rules, followUp, [fujita], beds, [], { from: '2027-02-17', to: '2027-02-19', now });
		expect(new Set(far.map((s) => toOffsetIso(s.start, TZ).slice(0, 10)))).toEqual(new Set(['2027-02-17', '2027-02-18']));
	});

	it('blocks a practitioner’s booked time including its buffer, and time off', () => {
		const busy: BusyInterval[] = [{ resource: { kind: 'practitioner', id: 'p-fujita' }, start: at('2026-11-24', '10:00'), end: at('2026-11-24', '10:55') }];
		const off = { ...fujita, timeOff: [{ start: at('2026-11-24', '15:00'), end: at('2026-11-24', '19:30') }] };
		const list = times(freeSlots(rules, followUp, [off], beds, busy, { from: '2026-11-24', to: '2026-11-24', now }));
		expect(list).toContain('09:00');
		expect(list).not.toContain('09:15'); // 09:15 + 55 = 10:10 runs into the booking
		expect(list).toContain('11:00');
		expect(list).not.toContain('10:45');
		expect(list.filter((t) => t >= '14:00')).toEqual([]);
	});

	it('offers a practitioner with two places until both are taken, each patient on a bed of their own', () => {
		const visit = (bed: string): BusyInterval[] => [
			{ resource: { kind: 'practitioner', id: 'p-fujita' }, start: at('2026-11-24', '10:00'), end: at('2026-11-24', '10:55') },
			{ resource: { kind: 'bed', id: bed }, start: at('2026-11-24', '10:00'), end: at('2026-11-24', '10:55') }
		];
		const two = { ...fujita, capacity: 2 };
		const day = { from: '2026-11-24', to: '2026-11-24', now };
		const oneBooked = freeSlots(rules, followUp, [two], beds, visit('bed-1'), day);
		expect(oneBooked.find((s) => s.start === at('2026-11-24', '10:00'))).toMatchObject({ bedId: 'bed-2' });
		const bothBooked = freeSlots(rules, followUp, [two], ['bed-1', 'bed-2', 'bed-3'], [...visit('bed-1'), ...visit('bed-2')], day);
		expect(times(bothBooked)).not.toContain('10:00');
		expect(times(bothBooked)).toContain('11:00');
		// The same practitioner with one place is full after the first visit.
		expect(times(freeSlots(rules, followUp, [fujita], beds, visit('bed-1'), day))).not.toContain('10:00');
	});

	it('lets blocked time take every place a practitioner has', () => {
		const block: BusyInterval = {
			resource: { kind: 'practitioner', id: 'p-fujita' },
			start: at('2026-11-24', '10:00'),
			end: at('2026-11-24', '11:00'),
			whole: true
		};
		const list = times(freeSlots(rules, followUp, [{ ...fujita, capacity: 3 }], beds, [block], { from: '2026-11-24', to: '2026-11-24', now }));
		expect(list).not.toContain('10:00');
		expect(list).toContain('11:00');
	});

	it('gives a slot the next free bed, and none when every bed is taken', () => {
		const bedBusy = (bed: string): BusyInterval => ({ resource: { kind: 'bed', id: bed }, start: at('2026-11-24', '09:00'), end: at('2026-11-24', '10:00') });
		const oneTaken = freeSlots(rules, followUp, [fujita], beds, [bedBusy('bed-1')], { from: '2026-11-24', to: '2026-11-24', now });
		expect(oneTaken[0]).toMatchObject({ bedId: 'bed-2' });
		const allTaken = freeSlots(rules, followUp, [fujita], beds, beds.map(bedBusy), { from: '2026-11-24', to: '2026-11-24', now });
		expect(times(allTaken)[0]).toBe('10:00');
		const noBedNeeded = freeSlots(rules, { ...followUp, needsBed: false }, [fujita], beds, beds.map(bedBusy), { from: '2026-11-24', to: '2026-11-24', now });
		expect(noBedNeeded[0]).toMatchObject({ bedId: null });
		expect(times(noBedNeeded)[0]).toBe('09:00');
	});

	it('lists every practitioner who performs the service, or only the one asked for', () => {
		const both = freeSlots(rules, followUp, [sato, fujita], beds, [], { from: '2026-11-24', to: '2026-11-24', now });
		expect(both.slice(0, 2).map((s) => s.practitionerId)).toEqual(['p-fujita', 'p-sato']);
		const onlySato = freeSlots(rules, followUp, [sato, fujita], beds, [], { from: '2026-11-24', to: '2026-11-24', practitionerId: 'p-sato', now });
		expect(new Set(onlySato.map((s) => s.practitionerId))).toEqual(new Set(['p-sato']));
		const notTrained = { ...sato, serviceIds: ['first'] };
		expect(freeSlots(rules, followUp, [notTrained], beds, [], { from: '2026-11-24', to: '2026-11-24', now })).toEqual([]);
	});

	it('keeps wall-clock hours across a daylight-saving change', () => {
		const ny: BookingRules = {
			...rules,
			timeZone: 'America/New_York',
			closedDates: [],
			openingHours: [0, 1, 6].map((weekday) => ({ weekday, start: '09:00', end: '10:00' }))
		};
		const nyPractitioner = { ...fujita, workingHours: ny.openingHours };
		const slots = freeSlots(ny, { ...followUp, bufferMinutes: 0, durationMinutes: 60 }, [nyPractitioner], beds, [], {
			from: '2026-03-07',
			to: '2026-03-09',
			now: Date.parse('2026-03-01T00:00:00Z')
		});
		expect(slots.map((s) => new Date(s.start).toISOString())).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
	});
});

describe('freeSlots properties', () => {
	const day = '2026-11-24';
	const busyArb = fc.array(
		fc.record({
			kind: fc.constantFrom<'practitioner' | 'bed'>('practitioner', 'bed'),
			id: fc.constantFrom('p-fujita', 'p-sato', 'bed-1', 'bed-2'),
			startMinute: fc.integer({ min: 8 * 60, max: 20 * 60 }),
			length: fc.integer({ min: 5, max: 180 })
		}),
		{ maxLength: 25 }
	);
	const toBusy = (raw: Array<{ kind: 'practitioner' | 'bed'; id: string; startMinute: number; length: number }>): BusyInterval[] =>
		raw.map((b) => {
			const start = at(day, '00:00') + b.startMinute * 60_000;
			return { resource: { kind: b.kind, id: b.id }, start, end: start + b.length * 60_000 };
		});
	const serviceArb = fc.record({
		id: fc.constant('follow'),
		durationMinutes: fc.constantFrom(15, 30, 45, 60, 75),
		bufferMinutes: fc.constantFrom(0, 5, 10),
		needsBed: fc.boolean()
	});
	const query = { from: day, to: day, now };

	it('never offers a slot that overlaps a busy interval of its practitioner or lacks a free bed', () => {
		fc.assert(
			fc.property(busyArb, serviceArb, (raw, service) => {
				const busy = toBusy(raw);
				for (const slot of freeSlots(rules, service, [fujita, sato], beds, busy, query)) {
					const held = { start: slot.start, end: slot.start + (service.durationMinutes + service.bufferMinutes) * 60_000 };
					for (const b of busy) {
						if (b.resource.kind === 'practitioner' && b.resource.id === slot.practitionerId) expect(overlaps(held, b)).toBe(false);
						if (b.resource.kind === 'bed' && b.resource.id === slot.bedId) expect(overlaps(held, b)).toBe(false);
					}
					expect(service.needsBed ? slot.bedId !== null : slot.bedId === null).toBe(true);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('offers only slots inside opening and working hours, off closed days', () => {
		fc.assert(
			fc.property(busyArb, serviceArb, fc.constantFrom('2026-11-23', '2026-11-24', '2026-11-28'), (raw, service, date) => {
				for (const slot of freeSlots(rules, service, [fujita], beds, toBusy(raw), { from: date, to: date, now })) {
					expect(date).not.toBe('2026-11-23');
					const end = slot.start + (service.durationMinutes + service.bufferMinutes) * 60_000;
					const inside = [
						['09:00', '12:30'],
						['14:30', '19:30']
					].some(([a, b]) => slot.start >= at(date, a!) && end <= at(date, b!));
					expect(inside).toBe(true);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('gives the same answer whatever the order of its inputs', () => {
		fc.assert(
			fc.property(busyArb, serviceArb, fc.integer(), (raw, service, seed) => {
				const busy = toBusy(raw);
				const shuffled = [...busy].sort(() => (seed % 2 === 0 ? 1 : -1));
				const a = freeSlots(rules, service, [fujita, sato], beds, busy, query);
				const b = freeSlots(rules, service, [sato, fujita], beds, shuffled.reverse(), query);
				expect(b).toEqual(a);
			}),
			{ numRuns: 200 }
		);
	});
});
