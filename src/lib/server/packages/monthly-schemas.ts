/*
 * Inputs of monthly plans (issue #18), as a form posts them or as JSON. Messages are catalogue keys
 * (`packages.error.*` shared with courses, `packagePlans.error.*` for the plan's own fields).
 */
import { z } from 'zod';
import { MAX_YEN } from '../../domain/billing/yen';
import { MAX_RENEWAL_DAY } from '../../domain/packages/monthly';
import { MAX_VISITS } from '../../domain/packages/terms';
import { ZPackageTypeSchema, ZSellPackageSchema } from './schemas';

const whole = (min: number, max: number, key: string) =>
	z.union([z.number(), z.string()], { error: key }).transform((v, ctx) => {
		const digits =
			typeof v === 'number'
				? String(v)
				: v
						.normalize('NFKC')
						.trim()
						.replace(/^[¥￥]/, '')
						.replace(/円$/, '')
						.replace(/日$/, '')
						.replace(/,(?=\d{3}(?:,|$))/g, '');
		const n = /^\d{1,9}$/.test(digits) ? Number(digits) : NaN;
		if (Number.isSafeInteger(n) && n >= min && n <= max) return n;
		ctx.addIssue({ code: 'custom', message: key });
		return z.NEVER;
	});

/** A plan type: a course type's names, services and sharing, with the month's visits and price. */
export const ZPlanTypeSchema = ZPackageTypeSchema.pick({ nameJa: true, nameEn: true, serviceIds: true, familyShareable: true }).extend({
	visitsPerMonth: whole(1, MAX_VISITS, 'packagePlans.error.visitsPerMonth'),
	monthlyPriceJpy: whole(1, MAX_YEN, 'packages.error.price'),
	carryOver: ZPackageTypeSchema.shape.familyShareable,
	renewalDay: whole(1, MAX_RENEWAL_DAY, 'packagePlans.error.renewalDay')
});
export type TPlanType = z.infer<typeof ZPlanTypeSchema>;

/** Starting a plan: the type, the first month's payment (part payment allowed), who shares it, and the day it starts (today when empty). */
export const ZStartPlanSchema = ZSellPackageSchema.extend({
	startOn: z
		.string()
		.optional()
		.transform((s) => (s ? s.normalize('NFKC').trim() : null))
		.pipe(z.iso.date({ error: 'packagePlans.error.startOn' }).nullable())
});
export type TStartPlan = z.infer<typeof ZStartPlanSchema>;

/** Form field → catalogue key; `_` for the whole form. */
export function planFieldCodes(error: z.ZodError): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = issue.path.length > 0 ? String(issue.path[0]) : '_';
		fields[field] ??= issue.message.startsWith('packages.') || issue.message.startsWith('packagePlans.') ? issue.message : 'packages.error.invalid';
	}
	return fields;
}
