import type { Cookies } from '@sveltejs/kit';
import { decodeTriage, encodeTriage } from '$lib/server/booking/booking-flow';
import type { TTriageAnswers } from '$lib/server/triage/schemas';

/*
 * The self-check answers a person brings to the booking flow, kept between its steps in a
 * short-lived cookie: the steps are plain links, and health answers must not ride in their URLs
 * (docs/contracts.md). Set by /book/self-check, read and cleared when the booking is sent.
 */
const TRIAGE_COOKIE = 'shinkyu_self_check';
const TRIAGE_COOKIE_SECONDS = 2 * 3_600;

export function readTriageCookie(cookies: Cookies): TTriageAnswers | undefined {
	return decodeTriage(cookies.get(TRIAGE_COOKIE));
}

export function setTriageCookie(cookies: Cookies, answers: TTriageAnswers, url: URL): void {
	cookies.set(TRIAGE_COOKIE, encodeTriage(answers), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: TRIAGE_COOKIE_SECONDS
	});
}

export function clearTriageCookie(cookies: Cookies): void {
	cookies.delete(TRIAGE_COOKIE, { path: '/' });
}
