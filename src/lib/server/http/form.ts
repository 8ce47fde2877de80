import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Locale } from '../../i18n/locales';
import { fieldErrorsFrom, type FieldErrors } from './field-errors';
import { readForm } from './read-form';

/** What a failed form action gives back: the user's input (never passwords) and the messages. */
export interface FormFailure {
	values: Record<string, string>;
	errors: FieldErrors;
	message?: string;
}

const SECRET_FIELDS = /password|code|token/i;

function keptValues(values: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.test(key)));
}

export function formFailure(status: number, values: Record<string, string>, errors: FieldErrors, message?: string): ActionFailure<FormFailure> {
	return fail(status, { values: keptValues(values), errors, message });
}

export type ParsedForm<T> = { ok: true; data: T; values: Record<string, string> } | { ok: false; failure: ActionFailure<FormFailure> };

/** Reads and validates a form; on bad input the failure carries localized field errors (422). */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S, locale: Locale): Promise<ParsedForm<z.infer<S>>> {
	const values = await readForm(request);
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true, data: parsed.data, values };
	return { ok: false, failure: formFailure(422, values, fieldErrorsFrom(parsed.error, locale, values)) };
}
