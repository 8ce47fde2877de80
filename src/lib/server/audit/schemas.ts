import { z } from 'zod';

const isoDate = z.iso.date('validation.date');

/** Filters of the owner's audit view; every field optional, bad dates are reported per field. */
export const ZAuditFilterSchema = z.object({
	action: z.string().trim().max(80).optional(),
	actor: z.string().trim().max(80).optional(),
	patient: z.string().trim().max(80).optional(),
	from: isoDate.optional(),
	to: isoDate.optional(),
	page: z.coerce.number().int().min(1).max(100_000).optional()
});
export type TAuditFilter = z.infer<typeof ZAuditFilterSchema>;
