import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { CHARGE_REFUSAL_LABELS, type ChargeRefusal } from '$lib/labels/billing-outcome-labels';
import { loadChargeDesk } from '$lib/server/billing/charge-desk';
import { isReceiptOfCharge, mayHandleMoney } from '$lib/server/billing/desk-access';
import { issueReceipt, reissueReceipt } from '$lib/server/billing/issue-receipt';
import { recordPayment, recordRefund } from '$lib/server/billing/record-payment';
import { voidCharge } from '$lib/server/billing/void-charge';
import { listPatientFees } from '$lib/server/cancellation-policy/outstanding-fees';
import { courseOutcomeOfCharge } from '$lib/server/packages/visit-course';
import { actorFrom } from '$lib/server/http/request-context';
import { deskFailure, deskViewer, isId, readDeskForm } from '../../desk-form';
import type { Actions, PageServerLoad } from './$types';
import { notFound, refuseRecord } from '$lib/server/http/not-found';

const DONE = ['payment', 'refund', 'void', 'receipt'] as const;

/** One charge: everyone who may see it reads it; only the desk changes it (a practitioner sees their own visits' charges). */
export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const result = isId(params.chargeId)
		? await loadChargeDesk(locals.db, params.chargeId, deskViewer(locals), actorFrom(event))
		: ({ ok: false, code: 'not_found' } as const);
	if (!result.ok) refuseRecord(locals.locale, result.code);
	const done = url.searchParams.get('done');
	const change = url.searchParams.get('change');
	// The patient's unpaid cancellation fees, for the desk to collect with this visit (issue #17).
	const fees = mayHandleMoney(deskViewer(locals)) ? await listPatientFees(locals.db, result.desk.patient.id, { openOnly: true }) : [];
	return {
		...result.desk,
		done: (DONE as readonly string[]).includes(done ?? '') ? (done as (typeof DONE)[number]) : null,
		// The change for cash just taken, carried by the redirect after the payment.
		changeJpy: done === 'payment' && change !== null && /^\d{1,9}$/.test(change) ? Number(change) : null,
		fees,
		feeDone: url.searchParams.get('fee'),
		// Issue #18: the course the visit used, or why the course marked for it was not used.
		course: await courseOutcomeOfCharge(locals.db, params.chargeId)
	};
};

/** The desk's guard for every change: a practitioner may look, not take money. */
function deskOnly(event: RequestEvent) {
	const { locals, params } = event;
	if (!isId(params.chargeId ?? '')) notFound(locals.locale);
	if (!mayHandleMoney(deskViewer(locals))) error(403, translate(locals.locale, 'error.forbiddenTitle'));
	return params.chargeId!;
}

const back = (event: RequestEvent, chargeId: string, done: (typeof DONE)[number]) =>
	redirect(303, `${localizePath(`/staff/billing/charges/${chargeId}`, event.locals.locale)}?done=${done}`);

const OUTCOME_STATUS = { not_found: 404, forbidden: 403 } as const;

function refused(
	event: RequestEvent,
	intent: string,
	values: Record<string, string | string[]>,
	result: { code: 'invalid'; fields?: Record<string, string> } | { code: keyof typeof OUTCOME_STATUS | ChargeRefusal }
) {
	const { locale } = event.locals;
	if (result.code === 'invalid') return deskFailure(422, intent, locale, values, 'fields' in result ? result.fields : undefined);
	if (result.code === 'not_found' || result.code === 'forbidden')
		return deskFailure(OUTCOME_STATUS[result.code], intent, locale, values, {}, translate(locale, 'error.notFoundTitle'));
	return deskFailure(409, intent, locale, values, {}, translate(locale, CHARGE_REFUSAL_LABELS[result.code]));
}

export const actions: Actions = {
	pay: async (event) => {
		const chargeId = deskOnly(event);
		const values = await readDeskForm(event.request);
		const result = await recordPayment(event.locals.db, chargeId, values, actorFrom(event));
		if (!result.ok) return refused(event, 'pay', values, result);
		if (result.changeJpy !== null)
			redirect(303, `${localizePath(`/staff/billing/charges/${chargeId}`, event.locals.locale)}?done=payment&change=${result.changeJpy}`);
		back(event, chargeId, 'payment');
	},
	refund: async (event) => {
		const chargeId = deskOnly(event);
		const values = await readDeskForm(event.request);
		const result = await recordRefund(event.locals.db, chargeId, values, actorFrom(event));
		if (!result.ok) return refused(event, 'refund', values, result);
		back(event, chargeId, 'refund');
	},
	void: async (event) => {
		const chargeId = deskOnly(event);
		const values = await readDeskForm(event.request);
		const result = await voidCharge(event.locals.db, chargeId, values, actorFrom(event));
		if (!result.ok) return refused(event, 'void', values, result);
		back(event, chargeId, 'void');
	},
	issue: async (event) => {
		const chargeId = deskOnly(event);
		const result = await issueReceipt(event.locals.db, chargeId, actorFrom(event));
		if (!result.ok) return refused(event, 'issue', {}, result);
		back(event, chargeId, 'receipt');
	},
	reissue: async (event) => {
		const chargeId = deskOnly(event);
		const values = await readDeskForm(event.request);
		const receiptId = typeof values.receiptId === 'string' && isId(values.receiptId) ? values.receiptId : null;
		if (!receiptId || !(await isReceiptOfCharge(event.locals.db, receiptId, chargeId)))
			return refused(event, 'reissue', values, { code: 'invalid', fields: { receiptId: 'billing.error.invalid' } });
		const result = await reissueReceipt(event.locals.db, receiptId, actorFrom(event));
		if (!result.ok) return refused(event, 'reissue', values, result);
		back(event, chargeId, 'receipt');
	}
};
