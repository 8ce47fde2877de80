/*
 * A month the booking page would show, 70 % booked: the availability rows are measured on it, since
 * an empty calendar flatters the figure (every busy interval is work for the availability rule).
 *
 * The month is the first calendar month of 31 days after the current one that lies wholly inside the
 * booking horizon (the booking page offers whole months). Its capacity is the most follow-up visits
 * the practitioners could take in it: every free follow-up slot, kept only when it starts an hour
 * after the practitioner's previous one (45 minutes and a 10-minute buffer fit in an hour). A fixed
 * share of those, drawn with a seeded random order, is then booked through the API, as patients do.
 */
import { addDays, localDate } from '../src/lib/domain/time';
import { seededRandom } from '../scripts/seed-large-data';
import { bookingRequest, type BookingTarget } from '../tests/support/booking-targets';

export interface BookedMonth {
	serviceId: string;
	from: string;
	to: string;
	days: number;
	/** Follow-up visits the month could hold. */
	capacity: number;
	booked: number;
	refused: number;
	/** Booked / capacity, 0–1. */
	share: number;
	/** Free follow-up slots the availability answer lists once the month is booked. */
	freeSlots: number;
	/** A day of the month that still has free slots, for the one-day row. */
	openDay: string;
	openDaySlots: number;
}

const TIME_ZONE = 'Asia/Tokyo';

function daysInMonth(month: string): number {
	const [year, m] = month.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

function nextMonth(month: string): string {
	const [year, m] = month.split('-').map(Number) as [number, number];
	return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** The first whole 31-day month after today's that ends within the horizon; else 31 days from the 1st of next month. */
export function monthToMeasure(today: string, horizonDays = 90): { from: string; to: string } {
	const last = addDays(today, horizonDays);
	for (let month = nextMonth(today.slice(0, 7)); `${month}-01` <= last; month = nextMonth(month)) {
		if (daysInMonth(month) === 31 && `${month}-31` <= last) return { from: `${month}-01`, to: `${month}-31` };
	}
	const from = `${nextMonth(today.slice(0, 7))}-01`;
	return { from, to: addDays(from, 30) };
}

type Slot = { start: string; practitionerId: string };

async function slotsOf(base: string, serviceId: string, from: string, to: string): Promise<Slot[]> {
	const response = await fetch(`${base}/api/v1/availability?service=${serviceId}&from=${from}&to=${to}`);
	if (!response.ok) throw new Error(`availability ${from}..${to}: ${response.status} ${await response.text()}`);
	return (await response.json()).slots;
}

export async function bookMonth(base: string, share = 0.7, concurrency = 8): Promise<BookedMonth> {
	const services = await (await fetch(`${base}/api/v1/services`)).json();
	const serviceId: string = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	const { from, to } = monthToMeasure(localDate(Date.now(), TIME_ZONE));
	const lastEnd = new Map<string, number>();
	const capacity: BookingTarget[] = [];
	for (const slot of await slotsOf(base, serviceId, from, to)) {
		const start = Date.parse(slot.start);
		if (start < (lastEnd.get(slot.practitionerId) ?? 0)) continue;
		lastEnd.set(slot.practitionerId, start + 60 * 60_000);
		capacity.push({ serviceId, start: slot.start, practitionerId: slot.practitionerId });
	}
	const draw = seededRandom(21);
	const order = capacity.map((target) => ({ target, key: draw() })).sort((a, b) => a.key - b.key);
	const chosen = order.slice(0, Math.round(share * capacity.length)).map((o) => o.target);
	let next = 0;
	let booked = 0;
	let refused = 0;
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < chosen.length) {
				const n = next++;
				const response = await fetch(`${base}/api/v1/bookings`, bookingRequest(chosen[n]!, 500_000 + n));
				await response.arrayBuffer();
				if (response.status === 201) booked++;
				else refused++;
			}
		})
	);
	const free = await slotsOf(base, serviceId, from, to);
	const perDay = new Map<string, number>();
	for (const slot of free) perDay.set(slot.start.slice(0, 10), (perDay.get(slot.start.slice(0, 10)) ?? 0) + 1);
	// The one-day row asks for a day with the median number of free slots left: a day a patient might pick.
	const [openDay, openDaySlots] = [...perDay].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).at(Math.floor(perDay.size / 2)) ?? [from, 0];
	return {
		serviceId,
		from,
		to,
		days: 31,
		capacity: capacity.length,
		booked,
		refused,
		share: capacity.length ? booked / capacity.length : 0,
		freeSlots: free.length,
		openDay,
		openDaySlots
	};
}
