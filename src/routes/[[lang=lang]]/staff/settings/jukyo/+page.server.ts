import { fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { claimReadiness, listClinicPractitioners, loadJukyoRegistration, saveJukyoRegistration } from '$lib/server/jukyo/registration';
import { localDate } from '$lib/domain/time';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';

/** The owner's 受領委任 registration (issue #19): what every claim form prints about the clinic. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const month = localDate(locals.db.clock.now().getTime(), await recentClinicTimeZone(locals.db)).slice(0, 7);
	const [loaded, practitioners, readiness] = await Promise.all([
		loadJukyoRegistration(locals.db),
		listClinicPractitioners(locals.db),
		claimReadiness(locals.db, month)
	]);
	const saved = url.searchParams.get('saved');
	return {
		registration: loaded.registration,
		practitioners,
		month,
		missing: readiness.items,
		saved: saved === 'changed' || saved === 'unchanged' ? saved : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, request } = event;
		const form = await request.formData();
		const values: Record<string, string> = {};
		for (const [key, value] of form) if (typeof value === 'string' && key !== 'practitionerIds') values[key] = value;
		const practitionerIds = form.getAll('practitionerIds').filter((v): v is string => typeof v === 'string');
		const result = await saveJukyoRegistration(locals.db, { ...values, practitionerIds }, actorFrom(event));
		if (!result.ok) {
			const fields = result.code === 'invalid' ? result.fields : {};
			const errors = Object.fromEntries(
				Object.entries(fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'jukyoRegistration.error.invalid')])
			);
			return fail(result.code === 'forbidden' ? 403 : 422, { values: { ...values, practitionerIds: practitionerIds.join(',') }, errors });
		}
		redirect(303, `${localizePath('/staff/settings/jukyo', locals.locale)}?saved=${result.changed ? 'changed' : 'unchanged'}`);
	}
};
