import { timingSafeEqual } from 'node:crypto';
import { localizePath, type Locale } from '../../i18n/locales';
import type { SecretBox } from '../auth/secret-box';

const PURPOSE = 'reminder-answer';
const ID_PATTERN = /^[0-9a-f-]{36}$/;

/**
 * The key in a reminder's answer links: the appointment id and its MAC under the server key. It
 * lets whoever holds the reminder answer it, and nothing else: it shows no name and opens no
 * record. The page it leads to answers only on a POST (mail scanners open links, never press).
 */
export function reminderAnswerToken(secrets: SecretBox, appointmentId: string): string {
	return `${appointmentId}.${secrets.mac(PURPOSE, appointmentId)}`;
}

/** The appointment id a token names, or null when the token was not made by this server. */
export function readReminderAnswerToken(secrets: SecretBox, token: string): string | null {
	const dot = token.indexOf('.');
	if (dot < 0) return null;
	const id = token.slice(0, dot);
	if (!ID_PATTERN.test(id)) return null;
	const given = Buffer.from(token.slice(dot + 1), 'utf8');
	const expected = Buffer.from(secrets.mac(PURPOSE, id), 'utf8');
	return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/**
 * The answer page. `manageToken`, when the reminder has it, lets "I need to change" continue to
 * the booking's manage page; without it the page points to the portal.
 */
export function reminderAnswerUrl(origin: string, locale: Locale, token: string, choice: 'come' | 'change', manageToken?: string | null): string {
	const url = new URL(localizePath(`/reminder/${token}`, locale), origin);
	url.searchParams.set('choice', choice);
	if (manageToken) url.searchParams.set('m', manageToken);
	return url.toString();
}
