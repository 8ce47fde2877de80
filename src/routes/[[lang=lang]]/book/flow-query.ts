import { addDays } from '$lib/domain/time';
import { localizePath, type Locale } from '$lib/i18n/locales';
import { DATE_PATTERN, MONTH_PATTERN, TIME_PATTERN } from '$lib/server/booking/booking-flow';

/*
 * The booking flow keeps its whole state in the query string, so every step is a plain link or
 * GET form that works without JavaScript, can be bookmarked, and survives the back button. The one
 * exception is the self-check's answers: health data never ride in an address, so they are kept in
 * a short-lived cookie instead (triage-cookie.ts).
 */

export interface FlowQuery {
	service?: string;
	/** A practitioner's id, or `any`. */
	practitioner?: string;
	month?: string;
	date?: string;
	time?: string;
	/** For `any`: the practitioner first free at the chosen time when it was offered. */
	with?: string;
}

const KEYS = ['service', 'practitioner', 'month', 'date', 'time', 'with'] as const;
const ID = /^[A-Za-z0-9-]{1,64}$/;

/** Reads the query, dropping any value that is not even well-formed. */
export function readFlowQuery(params: URLSearchParams | Record<string, string | undefined>): FlowQuery {
	const get = (key: string) => (params instanceof URLSearchParams ? params.get(key) : params[key]) ?? undefined;
	const valid = (key: string, pattern: RegExp) => {
		const value = get(key)?.trim();
		return value && pattern.test(value) ? value : undefined;
	};
	const date = valid('date', DATE_PATTERN);
	return {
		service: valid('service', ID),
		practitioner: valid('practitioner', ID),
		month: valid('month', MONTH_PATTERN),
		// 2026-02-30 has the right shape but is no day.
		date: date && addDays(date, 0) === date ? date : undefined,
		time: valid('time', TIME_PATTERN),
		with: valid('with', ID)
	};
}

/** A link to the flow with exactly `query`. Self-check answers never ride in it (triage-cookie.ts). */
export function flowHref(locale: Locale, query: FlowQuery): string {
	const params = new URLSearchParams();
	for (const key of KEYS) {
		const value = query[key];
		if (value) params.set(key, value);
	}
	const search = params.toString();
	return localizePath('/book', locale) + (search ? `?${search}` : '');
}
