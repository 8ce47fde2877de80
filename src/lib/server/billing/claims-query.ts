import { z } from 'zod';

/** `?month=YYYY-MM[&insurer=NUMBER]` for the claim CSV; messages are catalogue keys. */
export const ZClaimQuerySchema = z.object({
	month: z.string('insurance.overview.badMonth').regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'insurance.overview.badMonth'),
	insurer: z
		.string()
		.optional()
		.transform((s) => (s ?? '').normalize('NFKC').trim())
		.pipe(z.string().regex(/^\d{0,8}$/, 'insurance.overview.badInsurer'))
		.transform((s) => (s === '' ? null : s))
});
export type TClaimQuery = z.infer<typeof ZClaimQuerySchema>;
