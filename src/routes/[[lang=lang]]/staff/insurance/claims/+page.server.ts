import { CLAIM_REFUSAL_LABELS } from '$lib/labels/claim-refusal-labels';
import { INSURER_PAYMENT_PROBLEM_LABELS } from '$lib/labels/insurer-payment-problem-labels';
import { fail } from '@sveltejs/kit';
import { endOfMonthAfter, localDate } from '$lib/domain/time';
import { dayText, formatNumber } from '$lib/format';
import { isMessageKey, translate, translator, type MessageKey } from '$lib/i18n/translate';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';
import { actorFrom } from '$lib/server/http/request-context';
import { blockerText } from '$lib/server/jukyo-claim/blocker-text';
import { ZClaimMonthSchema } from '$lib/server/jukyo-claim/claim-drafts';
import { claimBoard, moveClaim } from '$lib/server/jukyo-claim/claim-workflow';
import { recordClaimOutcome } from '$lib/server/jukyo-claim/claim-outcomes';
import { paymentsOfMonth, recordInsurerPayment, reverseInsurerPayment } from '$lib/server/jukyo-claim/insurer-payments';
import type { Actions, PageServerLoad } from './$types';

/**
 * The month's 申請書 per 提出先, each with its status, blockers, money and deadline (issue #19,
 * docs/jukyo-claim.md §12–§13); last month by default. The desk moves a claim through its states and
 * records insurer payments here; each form asks for a confirming tick.
 */
export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const today = localDate(locals.db.clock.now().getTime(), await recentClinicTimeZone(locals.db));
	const asked = url.searchParams.get('month');
	const parsed = ZClaimMonthSchema.safeParse(asked ?? endOfMonthAfter(today, -1).slice(0, 7));
	const t = translator(locals.locale);
	if (!parsed.success) return { month: asked ?? '', today, badMonth: true, groups: [], payments: [] };
	const month = parsed.data;
	const [groups, payments] = await Promise.all([claimBoard(locals.db, month, actorFrom(event)), paymentsOfMonth(locals.db, month)]);
	const short = (date: string) => dayText(date, locals.locale, 'short');
	return {
		month,
		today,
		badMonth: false,
		groups: groups.map((g) => ({
			...g,
			rows: g.rows.map((r) => ({ ...r, current: r.current && { ...r.current, blockers: r.current.blockers.map((b) => blockerText(t, b, short)) } }))
		})),
		payments
	};
};

async function formValues(request: Request): Promise<Record<string, unknown>> {
	const data = await request.formData();
	const values: Record<string, unknown> = {};
	for (const [key, value] of data) {
		if (typeof value !== 'string') continue;
		if (key === 'claim') values.claim = [...((values.claim as string[] | undefined) ?? []), value];
		else if (!(key in values)) values[key] = value;
	}
	return values;
}

const message = (locale: App.Locals['locale'], key: string, fallback: MessageKey, params?: Record<string, string | number>) =>
	translate(locale, isMessageKey(key) ? key : fallback, params);

const REVERSAL_REFUSALS = {
	forbidden: [403, 'claimStatus.error.forbidden'],
	not_found: [404, 'claimFollowups.reversal.notFound'],
	already_reversed: [409, 'claimFollowups.reversal.already']
} as const satisfies Record<string, readonly [number, MessageKey]>;

export const actions: Actions = {
	move: async (event) => {
		const { locals, request } = event;
		const values = await formValues(request);
		const result = await moveClaim(locals.db, values, actorFrom(event));
		const target = `${String(values.patientId)}:${String(values.kind)}`;
		if (result.ok) return { moved: { target, status: result.status } };
		if (result.code === 'forbidden') return fail(403, { target, error: translate(locals.locale, 'claimStatus.error.forbidden') });
		if (result.code === 'not_found') return fail(404, { target, error: translate(locals.locale, 'claimStatus.error.not_found') });
		if (result.code === 'refused') return fail(409, { target, error: translate(locals.locale, CLAIM_REFUSAL_LABELS[result.reason]) });
		if (result.code === 'reopened') return fail(409, { target, error: translate(locals.locale, 'claimFollowups.reopened.onSubmit') });
		const fields: Record<string, string> = result.code === 'invalid' ? result.fields : {};
		const errors = Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, message(locals.locale, key, 'claimStatus.error.invalid')]));
		return fail(422, { target, error: Object.values(errors).join(' '), errors });
	},
	outcome: async (event) => {
		const { locals, request } = event;
		const result = await recordClaimOutcome(locals.db, await formValues(request), actorFrom(event));
		if (result.ok) return { outcomeSaved: true };
		if (result.code !== 'invalid')
			return fail(result.code === 'forbidden' ? 403 : 404, {
				error: translate(locals.locale, result.code === 'forbidden' ? 'claimStatus.error.forbidden' : 'claimStatus.error.not_found')
			});
		return fail(422, { error: [...new Set(Object.values(result.fields).map((key) => message(locals.locale, key, 'claimStatus.error.invalid')))].join(' ') });
	},
	pay: async (event) => {
		const { locals, request } = event;
		const values = await formValues(request);
		const result = await recordInsurerPayment(locals.db, values, actorFrom(event));
		const target = `pay:${String(values.destination)}`;
		if (result.ok) return { paid: { target } };
		if (result.code === 'forbidden') return fail(403, { target, error: translate(locals.locale, 'claimStatus.error.forbidden') });
		if (result.code === 'refused')
			return fail(409, {
				target,
				error: translate(locals.locale, 'claimStatus.payment.refused', {
					reason: translate(locals.locale, CLAIM_REFUSAL_LABELS[result.reason])
				})
			});
		if (result.code === 'problems')
			return fail(422, {
				target,
				error: result.problems
					.map((p) => translate(locals.locale, INSURER_PAYMENT_PROBLEM_LABELS[p.code], p.code === 'sum_mismatch' ? { sum: formatNumber(p.sumJpy, 'ja') } : {}))
					.join(' ')
			});
		return fail(422, {
			target,
			error: [...new Set(Object.values(result.fields).map((key) => message(locals.locale, key, 'claimStatus.error.invalid')))].join(' ')
		});
	},
	/** Takes back an insurer payment recorded by mistake, with a reason (issue #21): its claims are submitted again. */
	reversePayment: async (event) => {
		const { locals, request } = event;
		const values = await formValues(request);
		const result = await reverseInsurerPayment(locals.db, values, actorFrom(event));
		const target = `reverse:${String(values.paymentId)}`;
		if (result.ok) return { reversed: { target } };
		if (result.code === 'refused') return fail(409, { target, error: translate(locals.locale, CLAIM_REFUSAL_LABELS[result.reason]) });
		if (result.code !== 'invalid') {
			const [status, key] = REVERSAL_REFUSALS[result.code];
			return fail(status, { target, error: translate(locals.locale, key) });
		}
		return fail(422, {
			target,
			error: [...new Set(Object.values(result.fields).map((key) => message(locals.locale, key, 'claimStatus.error.invalid')))].join(' ')
		});
	}
};
