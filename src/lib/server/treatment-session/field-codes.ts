import type { z } from 'zod';

/** Field name → catalogue key (`treatmentSession.error.*`); `_` for the whole form. */
export type SessionFieldCodes = Record<string, string>;

/** One key per field: the schema's own `treatmentSession.*` message, or a generic one. */
export function fieldCodesFrom(error: z.ZodError): SessionFieldCodes {
	const fields: SessionFieldCodes = {};
	for (const issue of error.issues) {
		const field = issue.path.map(String).join('.') || '_';
		fields[field] ??= issue.message.startsWith('treatmentSession.') ? issue.message : 'treatmentSession.error.invalid';
	}
	return fields;
}
