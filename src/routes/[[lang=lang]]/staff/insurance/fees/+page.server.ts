import { fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { addJukyoFeeVersion, loadJukyoFeeSchedules } from '$lib/server/jukyo-claim/fee-versions';
import type { Actions, PageServerLoad } from './$types';

/** The owner's dated 療養費 fee versions (docs/jukyo-claim.md §3): the list, and a form to add the next one. */
export const load: PageServerLoad = async ({ locals, url }) => {
	return { schedules: await loadJukyoFeeSchedules(locals.db), saved: url.searchParams.get('saved') === '1' };
};

export const actions: Actions = {
	add: async (event) => {
		const { locals, request } = event;
		const values = await readForm(request);
		const result = await addJukyoFeeVersion(locals.db, values, actorFrom(event));
		if (!result.ok) {
			const fields = result.code === 'invalid' ? result.fields : {};
			const errors = Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'jukyoClaim.fees.error.amount')]));
			return fail(result.code === 'forbidden' ? 403 : 422, { values, errors });
		}
		redirect(303, `${localizePath('/staff/insurance/fees', locals.locale)}?saved=1`);
	}
};
