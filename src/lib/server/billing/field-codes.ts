import type { z } from 'zod';

/** Form field → catalogue key (`billing.error.*`); `_` for the whole form. */
export type BillingFieldCodes = Record<string, string>;

/** One key per top-level field (an item of a list reports on the list): the schema's own message, or a generic one. */
export function fieldCodesFrom(error: z.ZodError): BillingFieldCodes {
	const fields: BillingFieldCodes = {};
	for (const issue of error.issues) {
		const field = issue.path.length > 0 ? String(issue.path[0]) : '_';
		fields[field] ??=
			issue.message.startsWith('billing.') || issue.message.startsWith('jukyoRegistration.') || issue.message.startsWith('jukyoMonth.')
				? issue.message
				: 'billing.error.invalid';
	}
	return fields;
}
