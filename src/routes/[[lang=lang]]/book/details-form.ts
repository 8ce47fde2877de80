import type { z } from 'zod';
import { localInstant, toOffsetIso } from '$lib/domain/time';
import type { Locale } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { ZCreateBookingSchema, type TCreateBooking } from '$lib/server/booking/schemas';
import { fieldErrorsFrom, type FieldErrors } from '$lib/server/http/field-errors';
import type { TTriageAnswers } from '$lib/server/triage/schemas';
import type { FlowQuery } from './flow-query';

export type BuiltBooking = { ok: true; input: TCreateBooking } | { ok: false; selectionLost: true } | { ok: false; selectionLost: false; errors: FieldErrors };

/** Schema paths that belong to the choice made in earlier steps, not to a field of this form. */
const SELECTION_PATHS = new Set(['serviceId', 'practitionerId', 'start', 'locale']);

/**
 * The details form and the chosen slot as the booking contract (ZCreateBookingSchema); errors
 * come back keyed by the form's own field names (`email`, `consent`, …) so each sits beside its
 * field.
 */
export function bookingInputFrom(
	values: Record<string, string>,
	query: FlowQuery,
	locale: Locale,
	timeZone: string,
	triage: TTriageAnswers | undefined
): BuiltBooking {
	if (!query.service || !query.practitioner || !query.date || !query.time) return { ok: false, selectionLost: true };
	const text = (key: string) => values[key]?.trim() ?? '';
	const optional = (key: string) => text(key) || undefined;
	const firstVisit = values.firstVisit === 'yes' ? true : values.firstVisit === 'no' ? false : undefined;
	const candidate = {
		serviceId: query.service,
		practitionerId: query.practitioner === 'any' ? query.with : query.practitioner,
		start: toOffsetIso(localInstant(query.date, query.time, timeZone), timeZone),
		locale,
		patient: {
			familyName: text('familyName'),
			givenName: text('givenName'),
			familyNameKana: optional('familyNameKana'),
			givenNameKana: optional('givenNameKana'),
			email: text('email'),
			phone: text('phone'),
			dateOfBirth: optional('dateOfBirth')
		},
		consent: { privacy: values.consent === 'yes' },
		firstVisit,
		triage
	};
	const parsed = ZCreateBookingSchema.safeParse(candidate);
	const errors = parsed.success ? {} : formErrors(parsed.error, locale, candidate);
	if (Object.keys(errors).some((field) => SELECTION_PATHS.has(field))) return { ok: false, selectionLost: true };
	// Optional in the API contract; the form asks everyone, so reception knows who is new.
	if (firstVisit === undefined) errors.firstVisit = translate(locale, 'validation.choice');
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, selectionLost: false, errors };
	return { ok: true, input: parsed.data };
}

function formErrors(error: z.ZodError, locale: Locale, input: unknown): FieldErrors {
	const errors: FieldErrors = {};
	for (const [path, message] of Object.entries(fieldErrorsFrom(error, locale, input))) {
		const field = path === 'consent.privacy' ? 'consent' : path.replace(/^patient\./, '');
		errors[field] ??= message;
	}
	return errors;
}

const SLOT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?:\|([0-9a-f-]{36}))?$/;

/**
 * The time chosen among those offered after a refusal (`slot` = `YYYY-MM-DDTHH:MM|practitionerId`)
 * replaces the date, time and practitioner-for-anyone of the form; anything else stays as posted.
 */
export function withChosenSlot(values: Record<string, string>): Record<string, string> {
	const match = SLOT.exec(values.slot ?? '');
	if (!match) return values;
	const [, date, time, practitionerId] = match;
	return { ...values, date: date!, time: time!, ...(practitionerId && values.practitioner === 'any' ? { with: practitionerId } : {}) };
}
