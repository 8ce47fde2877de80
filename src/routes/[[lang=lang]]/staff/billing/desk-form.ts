import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Locale } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import type { BillingFieldCodes } from '$lib/server/billing/field-codes';
import type { DeskViewer } from '$lib/server/billing/desk-access';

/* What the billing pages share: who is at the desk, reading a form, and turning outcomes into messages. */

export const isId = (id: string) => z.uuid().safeParse(id).success;

export function deskViewer(locals: App.Locals): DeskViewer {
	const staff = locals.session?.staff;
	if (!staff) error(401);
	return { id: staff.id, role: staff.role };
}

/** Form fields as strings; fields that repeat (check boxes) as lists. */
export async function readDeskForm(request: Request): Promise<Record<string, string | string[]>> {
	const values: Record<string, string | string[]> = {};
	for (const [key, value] of await request.formData()) {
		if (typeof value !== 'string') continue;
		const before = values[key];
		values[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
	}
	return values;
}

/** A refused form: the input to show again (first value of each field), the field messages and one message on top. */
export function deskFailure(
	status: number,
	intent: string,
	locale: Locale,
	values: Record<string, string | string[]>,
	fields: BillingFieldCodes = {},
	message?: string,
	extra: { refusal?: { reason: string; selfPayJpy: number } } = {}
) {
	const errors = Object.fromEntries(
		Object.entries(fields).map(([field, key]) => [field, isMessageKey(key) ? translate(locale, key) : translate(locale, 'billing.error.invalid')])
	);
	const kept = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
	return fail(status, { intent, values: kept, errors, message: message ?? (errors._ ? errors._ : translate(locale, 'billing.desk.formTitle')), ...extra });
}
