import { freeSlots, type BookingRules, type BusyInterval, type PractitionerSchedule } from '../src/lib/domain/scheduling/availability';
import { addDays, localInstant } from '../src/lib/domain/time';

/** In-process: one practitioner, 90 days, 2,000 existing appointments (issue #5's benchmark). */
export function measureAvailability(runs = 300): { p50: number; p95: number; slots: number } {
	const timeZone = 'Asia/Tokyo';
	const weekly = [1, 2, 3, 4, 5, 6].flatMap((weekday) => [
		{ weekday, start: '09:00', end: '12:30' },
		{ weekday, start: '14:30', end: '19:30' }
	]);
	const rules: BookingRules = { timeZone, slotStepMinutes: 15, minNoticeMinutes: 120, horizonDays: 90, openingHours: weekly, closedDates: [] };
	const practitioner: PractitionerSchedule = { id: 'p1', workingHours: weekly, timeOff: [], serviceIds: ['s1'] };
	const from = '2026-12-01';
	const busy: BusyInterval[] = [];
	let seed = 42;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	for (let i = 0; i < 2000; i++) {
		const day = addDays(from, Math.floor(random() * 90));
		const start = localInstant(day, '09:00', timeZone) + Math.floor(random() * 40) * 15 * 60_000;
		busy.push({ resource: { kind: i % 2 ? 'practitioner' : 'bed', id: i % 2 ? 'p1' : `b${i % 3}` }, start, end: start + 55 * 60_000 });
	}
	const service = { id: 's1', durationMinutes: 45, bufferMinutes: 10, needsBed: true };
	const now = Date.parse('2026-11-30T00:00:00Z');
	const timings: number[] = [];
	let slots = 0;
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		slots = freeSlots(rules, service, [practitioner], ['b0', 'b1', 'b2'], busy, { from, to: addDays(from, 89), now }).length;
		timings.push(performance.now() - started);
	}
	timings.sort((a, b) => a - b);
	const at = (q: number) => Number(timings[Math.floor(q * (timings.length - 1))]!.toFixed(2));
	return { p50: at(0.5), p95: at(0.95), slots };
}
