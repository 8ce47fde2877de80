import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { findFee } from '$lib/server/cancellation-policy/outstanding-fees';
import { collectCancellationFee, waiveCancellationFee, type SettleFeeResult } from '$lib/server/cancellation-policy/settle-fee';
import { actorFrom } from '$lib/server/http/request-context';
import { noShowCourseNotice } from '$lib/server/packages/no-show-use';
import { deskFailure, isId, readDeskForm } from '../../desk-form';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

/** One cancellation fee (issue #17): the desk collects or waives it; reception and the owner only (route-access). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const fee = isId(params.feeId) ? await findFee(locals.db, params.feeId) : undefined;
	if (!fee) notFound(locals.locale);
	const timeZone = await recentClinicTimeZone(locals.db);
	const done = url.searchParams.get('fee');
	// Issue #18: a no-show the clinic lets a course take, said before collecting.
	const course = fee.outcome === null ? await noShowCourseNotice(locals.db, fee.id) : null;
	return { fee, timeZone, done: done === 'collected' || done === 'waived' ? done : null, course };
};

/** Back to the page the form was on when it is a staff page; else to this fee. */
function backTo(event: RequestEvent, values: Record<string, string | string[]>, done: 'collected' | 'waived') {
	const back = typeof values.back === 'string' ? values.back : '';
	const safe = /^\/(en\/)?staff\/[A-Za-z0-9/_-]*$/.test(back) ? back : localizePath(`/staff/billing/fees/${event.params.feeId}`, event.locals.locale);
	redirect(303, `${safe}?fee=${done}`);
}

function refused(event: RequestEvent, intent: string, values: Record<string, string | string[]>, result: Exclude<SettleFeeResult, { ok: true }>) {
	const { locale } = event.locals;
	if (result.code === 'not_found') notFound(locale);
	if (result.code === 'forbidden') error(403, translate(locale, 'error.forbiddenTitle'));
	if (result.code === 'invalid') return deskFailure(422, intent, locale, values, result.fields);
	return deskFailure(409, intent, locale, values, {}, translate(locale, 'cancellationPolicy.error.alreadySettled'));
}

export const actions: Actions = {
	collect: async (event) => {
		if (!isId(event.params.feeId)) notFound(event.locals.locale);
		const values = await readDeskForm(event.request);
		const result = await collectCancellationFee(event.locals.db, event.params.feeId, values, actorFrom(event));
		if (!result.ok) return refused(event, 'collect', values, result);
		backTo(event, values, 'collected');
	},
	waive: async (event) => {
		if (!isId(event.params.feeId)) notFound(event.locals.locale);
		const values = await readDeskForm(event.request);
		const result = await waiveCancellationFee(event.locals.db, event.params.feeId, values, actorFrom(event));
		if (!result.ok) return refused(event, 'waive', values, result);
		backTo(event, values, 'waived');
	}
};
