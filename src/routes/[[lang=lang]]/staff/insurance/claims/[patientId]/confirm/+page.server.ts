import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localDate } from '$lib/domain/time';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { localizePath } from '$lib/i18n/locales';
import { notFound } from '$lib/server/http/not-found';
import { actorFrom } from '$lib/server/http/request-context';
import { ZClaimMonthSchema } from '$lib/server/jukyo-claim/claim-drafts';
import { monthConfirmationView, recordMonthConfirmation } from '$lib/server/jukyo-claim/month-confirmations';
import type { Actions, PageServerLoad } from './$types';

/**
 * The patient's monthly confirmation and signature (docs/jukyo-claim.md §11), opened by the desk —
 * on the desk's screen or handed over on a tablet at the month's last visit. `?month=YYYY-MM`, this
 * month by default.
 */
export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const today = localDate(locals.db.clock.now().getTime(), await recentClinicTimeZone(locals.db));
	const month = ZClaimMonthSchema.safeParse(url.searchParams.get('month') ?? today.slice(0, 7));
	if (!month.success || !z.uuid().safeParse(params.patientId).success) notFound(locals.locale);
	const view = await monthConfirmationView(locals.db, params.patientId, month.data, actorFrom(event));
	if (!view) notFound(locals.locale);
	return { view, saved: url.searchParams.get('saved') === '1' };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, request } = event;
		const data = await request.formData();
		const values: Record<string, unknown> = { date: data.getAll('date').filter((d) => typeof d === 'string') };
		for (const [key, value] of data) if (key !== 'date' && typeof value === 'string' && !(key in values)) values[key] = value;
		const form = {
			signerKind: String(values.signerKind ?? 'patient'),
			signerName: String(values.signerName ?? ''),
			proxyRelation: String(values.proxyRelation ?? ''),
			proxyReason: String(values.proxyReason ?? '')
		};
		if (!z.uuid().safeParse(params.patientId).success) notFound(locals.locale);
		const result = await recordMonthConfirmation(locals.db, params.patientId, values, actorFrom(event));
		if (result.ok) redirect(303, `${localizePath(`/staff/insurance/claims/${params.patientId}/confirm`, locals.locale)}?month=${String(values.month)}&saved=1`);
		if (result.code === 'not_found') notFound(locals.locale);
		if (result.code === 'forbidden') return fail(403, { values: form, errors: { _: translate(locals.locale, 'claimStatus.error.forbidden') } });
		if (result.code === 'dates_changed') return fail(409, { values: form, errors: { _: translate(locals.locale, 'claimStatus.confirm.error.dates_changed') } });
		const fields: Record<string, string> = result.code === 'invalid' ? result.fields : {};
		const errors = Object.fromEntries(
			Object.entries(fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'claimStatus.confirm.error.invalid')])
		);
		return fail(422, { values: form, errors });
	}
};
