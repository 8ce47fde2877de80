import type { z } from 'zod';
import type { Locale } from '../../i18n/locales';
import { isMessageKey, translate, type MessageKey } from '../../i18n/translate';

export type FieldErrors = Record<string, string>;

/**
 * Turns Zod issues into one localized message per field. A schema may name a catalogue key as
 * its message; otherwise the issue's kind picks a generic message.
 */
export function fieldErrorsFrom(error: z.ZodError, locale: Locale, input: unknown): FieldErrors {
	const fields: FieldErrors = {};
	for (const issue of error.issues) {
		const field = issue.path.map(String).join('.') || '_';
		if (fields[field]) continue;
		fields[field] = messageFor(issue, locale, valueAt(input, issue.path));
	}
	return fields;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let value = input;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

function messageFor(issue: z.core.$ZodIssue, locale: Locale, value: unknown): string {
	if (isMessageKey(issue.message)) return translate(locale, issue.message);
	switch (issue.code) {
		case 'invalid_type':
			return translate(locale, value === undefined || value === null ? 'validation.required' : 'validation.invalid');
		case 'too_small':
			if (issue.origin === 'string' && Number(issue.minimum) === 1) return translate(locale, 'validation.required');
			return issue.origin === 'string' ? translate(locale, 'validation.tooShort', { minimum: Number(issue.minimum) }) : translate(locale, 'validation.invalid');
		case 'too_big':
			return issue.origin === 'string' ? translate(locale, 'validation.tooLong', { maximum: Number(issue.maximum) }) : translate(locale, 'validation.invalid');
		case 'invalid_format':
			return translate(locale, issue.format === 'email' ? 'validation.email' : 'validation.invalid');
		case 'invalid_value':
			return translate(locale, 'validation.choice');
		default:
			return translate(locale, 'validation.invalid');
	}
}

/**
 * The catalogue key for an issue whose schema named none, for use cases that return keys rather
 * than words (the route translates them). Without the limits a length message would need, a
 * too-long or too-short value reads as invalid.
 */
export function issueMessageKey(issue: z.core.$ZodIssue): MessageKey {
	switch (issue.code) {
		case 'too_small':
			return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'validation.required' : 'validation.invalid';
		case 'invalid_format':
			return issue.format === 'email' ? 'validation.email' : 'validation.invalid';
		case 'invalid_value':
			return 'validation.choice';
		default:
			return 'validation.invalid';
	}
}
