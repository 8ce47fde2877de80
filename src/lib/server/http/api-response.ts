import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Locale } from '../../i18n/locales';
import { fieldErrorsFrom, type FieldErrors } from './field-errors';

/** The contract's error shape: `{ error: { code, message, fields? } }`. */
export function apiError(status: number, code: string, message: string, fields?: FieldErrors, headers?: HeadersInit) {
	return json({ error: { code, message, ...(fields ? { fields } : {}) } }, { status, headers });
}

export function validationError(error: z.ZodError, input: unknown, locale: Locale, message: string) {
	return apiError(422, 'validation_failed', message, fieldErrorsFrom(error, locale, input));
}
