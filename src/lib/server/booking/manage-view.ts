import { localInstant } from '$lib/domain/time';
import { localizePath, type Locale } from '$lib/i18n/locales';
import {
	bookingWindow,
	DATE_PATTERN,
	daysWithSlots,
	freeTimes,
	MONTH_PATTERN,
	monthRange,
	nextMonth,
	previousMonth,
	TIME_PATTERN
} from '$lib/server/booking/booking-flow';
import { freeSlotsForMove, isChangeableOnline, type ManagedBooking } from '$lib/server/booking/manage-booking';
import type { Db } from '$lib/server/db/database';

/*
 * What the manage page shows for its query string: the appointment, the cancel confirmation, or
 * the steps of a move (day, time, confirm), each a plain link or form as in the booking flow.
 * The portal's appointment page (issue #6) shows the same steps under its own path.
 */

export type ManageView =
	| { kind: 'overview' }
	| { kind: 'cancel' }
	| { kind: 'moveDay'; month: string; days: Record<string, string>; previousHref: string | null; nextHref: string | null; laterHref: string | null }
	| { kind: 'moveTime'; date: string; times: Array<{ time: string; href: string }>; taken: boolean; dayHref: string }
	| { kind: 'moveConfirm'; date: string; time: string; start: number; timesHref: string; action: string };

export function managePath(locale: Locale, token: string, query: Record<string, string | undefined> = {}): string {
	return pathWithQuery(localizePath(`/booking/${token}`, locale), query);
}

/** `basePath` with the query's non-empty values. */
export function pathWithQuery(basePath: string, query: Record<string, string | undefined> = {}): string {
	const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
	const search = params.toString();
	return basePath + (search ? `?${search}` : '');
}

/** `basePath`: the page's own localized path, e.g. `/en/booking/TOKEN` or `/portal/appointments/ID`. */
export async function resolveManageView(db: Db, booking: ManagedBooking, basePath: string, params: URLSearchParams, now: number): Promise<ManageView> {
	const step = params.get('step');
	if (!isChangeableOnline(booking, now) || (step !== 'cancel' && step !== 'move')) return { kind: 'overview' };
	if (step === 'cancel') return { kind: 'cancel' };

	const href = (query: Record<string, string | undefined>) => pathWithQuery(basePath, { step: 'move', ...query });
	const window = await bookingWindow(db, now);
	const slotsBetween = (from: string, to: string) => freeSlotsForMove(db, booking.appointment, from, to, now);
	const date = params.get('date') ?? '';
	if (!DATE_PATTERN.test(date) || date < window.today || date > window.lastDay) {
		const wanted = params.get('month') ?? '';
		const month = MONTH_PATTERN.test(wanted) && window.months.includes(wanted) ? wanted : window.months[0]!;
		const range = monthRange(month, window);
		const freeDays = range ? [...daysWithSlots(await slotsBetween(range.from, range.to), window.timeZone)].sort() : [];
		const monthHref = (m: string) => (window.months.includes(m) ? href({ month: m }) : null);
		return {
			kind: 'moveDay',
			month,
			days: Object.fromEntries(freeDays.map((d) => [d, href({ date: d })])),
			previousHref: monthHref(previousMonth(month)),
			nextHref: monthHref(nextMonth(month)),
			laterHref: freeDays.length === 0 ? monthHref(nextMonth(month)) : null
		};
	}
	const current = Date.parse(booking.appointment.starts_at);
	const times = freeTimes(await slotsBetween(date, date), window.timeZone).filter((t) => t.start !== current);
	const time = params.get('time') ?? '';
	const chosen = TIME_PATTERN.test(time) ? times.find((t) => t.time === time) : undefined;
	if (!chosen) {
		return {
			kind: 'moveTime',
			date,
			times: times.map((t) => ({ time: t.time, href: href({ date, time: t.time }) })),
			taken: params.has('time'),
			dayHref: href({ month: date.slice(0, 7) })
		};
	}
	// The action keeps the step in its URL, so a refusal shows this day's times again.
	const action = `?/move&${new URLSearchParams({ step: 'move', date, time })}`;
	return { kind: 'moveConfirm', date, time, start: localInstant(date, time, window.timeZone), timesHref: href({ date }), action };
}
