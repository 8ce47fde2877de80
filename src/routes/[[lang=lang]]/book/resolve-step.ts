import type { Locale } from '$lib/i18n/locales';
import {
	bookingWindow,
	daysWithSlots,
	freeTimes,
	listBookableServices,
	listPractitionersFor,
	monthRange,
	nextMonth,
	previousMonth,
	type BookablePractitioner,
	type BookableService
} from '$lib/server/booking/booking-flow';
import { getAvailability } from '$lib/server/booking/get-availability';
import type { Db } from '$lib/server/db/database';
import { flowHref, type FlowQuery } from './flow-query';

/*
 * Which step of the booking flow the query string has reached. Each choice is checked again
 * against the database; the first missing or no longer valid one decides the step, so a stale or
 * edited link simply lands on the step to choose again.
 */

interface Summary {
	service?: BookableService & { changeHref: string };
	/** `anyone`: the person left the choice to the clinic; `name` is whoever is free, once a time is chosen. */
	practitioner?: { name: { ja: string; en: string } | null; anyone: boolean; changeHref: string };
	date?: { value: string; changeHref: string };
	start?: { value: number; changeHref: string };
}

interface Common {
	timeZone: string;
	summary: Summary;
	/** Whether self-check answers will be attached to the booking. */
	hasTriage: boolean;
}

export type BookingStep = Common &
	(
		| { step: 'service'; services: Array<BookableService & { href: string }> }
		| { step: 'practitioner'; anyHref: string; practitioners: Array<BookablePractitioner & { href: string }> }
		| { step: 'day'; month: string; days: Record<string, string>; previousHref: string | null; nextHref: string | null; laterHref: string | null }
		| { step: 'time'; date: string; times: Array<{ time: string; href: string }>; taken: boolean; dayHref: string }
		| { step: 'details'; date: string; start: number; hidden: Record<string, string>; timesHref: string }
	);

export async function resolveBookingStep(db: Db, query: FlowQuery, locale: Locale, now: number, hasTriage = false): Promise<BookingStep> {
	const href = (q: FlowQuery) => flowHref(locale, q);
	const window = await bookingWindow(db, now);
	const common: Common = { timeZone: window.timeZone, summary: {}, hasTriage };

	const services = await listBookableServices(db);
	const service = services.find((s) => s.id === query.service);
	if (!service) return { ...common, step: 'service', services: services.map((s) => ({ ...s, href: href({ service: s.id }) })) };
	common.summary.service = { ...service, changeHref: href({}) };

	const practitioners = await listPractitionersFor(db, service.id);
	const chosen = practitioners.find((p) => p.id === query.practitioner);
	if (!chosen && query.practitioner !== 'any') {
		return {
			...common,
			step: 'practitioner',
			anyHref: href({ service: service.id, practitioner: 'any' }),
			practitioners: practitioners.map((p) => ({ ...p, href: href({ service: service.id, practitioner: p.id }) }))
		};
	}
	const base = { service: service.id, practitioner: chosen?.id ?? 'any' };
	common.summary.practitioner = { name: chosen?.name ?? null, anyone: !chosen, changeHref: href({ service: service.id }) };
	const availability = (from: string, to: string) =>
		getAvailability(db, { service: service.id, from, to, practitioner: chosen?.id }, { now, recentConfig: true }).then((r) => (r.ok ? r.slots : []));

	const date = query.date && query.date >= window.today && query.date <= window.lastDay ? query.date : undefined;
	if (!date) {
		const month = query.month && window.months.includes(query.month) ? query.month : window.months[0]!;
		const range = monthRange(month, window);
		const freeDays = range ? [...daysWithSlots(await availability(range.from, range.to), window.timeZone)].sort() : [];
		const monthHref = (m: string) => (window.months.includes(m) ? href({ ...base, month: m }) : null);
		return {
			...common,
			step: 'day',
			month,
			days: Object.fromEntries(freeDays.map((d) => [d, href({ ...base, date: d })])),
			previousHref: monthHref(previousMonth(month)),
			nextHref: monthHref(nextMonth(month)),
			laterHref: freeDays.length === 0 ? monthHref(nextMonth(month)) : null
		};
	}
	const month = date.slice(0, 7);
	common.summary.date = { value: date, changeHref: href({ ...base, month }) };

	const slots = await availability(date, date);
	const times = freeTimes(slots, window.timeZone);
	const time = times.find((t) => t.time === query.time);
	if (!time) {
		return {
			...common,
			step: 'time',
			date,
			times: times.map((t) => ({ time: t.time, href: href({ ...base, date, time: t.time, with: chosen ? undefined : t.practitionerId }) })),
			taken: query.time !== undefined,
			dayHref: href({ ...base, month })
		};
	}
	// For "anyone", keep the practitioner offered with this time while they are still free at it.
	const practitionerId = chosen?.id ?? (slots.some((s) => s.start === time.start && s.practitionerId === query.with) ? query.with! : time.practitionerId);
	const timesHref = href({ ...base, date });
	common.summary.start = { value: time.start, changeHref: timesHref };
	if (!chosen) common.summary.practitioner.name = practitioners.find((p) => p.id === practitionerId)?.name ?? null;
	const hidden: Record<string, string> = { ...base, date, time: time.time, ...(chosen ? {} : { with: practitionerId }) };
	return { ...common, step: 'details', date, start: time.start, hidden, timesHref };
}
