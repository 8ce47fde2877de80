import { fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { addJukyoConsentRule } from '$lib/server/jukyo-claim/consent-rules';
import { addJukyoFeeVersion, loadJukyoConsentRules, loadJukyoFeeSchedules } from '$lib/server/jukyo-claim/fee-versions';
import type { Actions, PageServerLoad } from './$types';

/** The owner's dated 療養費 fee versions (docs/jukyo-claim.md §3): the list, and a form to add the next one. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const [schedules, consentRules] = await Promise.all([loadJukyoFeeSchedules(locals.db), loadJukyoConsentRules(locals.db)]);
	return { schedules, consentRules, saved: url.searchParams.get('saved') === '1', ruleSaved: url.searchParams.get('saved') === 'rule' };
};

export const actions: Actions = {
	add: async (event) => {
		const { locals, request } = event;
		const values = await readForm(request);
		const result = await addJukyoFeeVersion(locals.db, values, actorFrom(event));
		if (!result.ok) {
			const fields = result.code === 'invalid' ? result.fields : {};
			const errors = Object.fromEntries(
				Object.entries(fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'jukyoClaim.fees.error.amount')])
			);
			return fail(result.code === 'forbidden' ? 403 : 422, { values, errors });
		}
		redirect(303, `${localizePath('/staff/insurance/fees', locals.locale)}?saved=1`);
	},
	/** A dated consent-validity rule version (issue #19, docs/jukyo-claim.md §4). */
	addRule: async (event) => {
		const { locals, request } = event;
		const values = await readForm(request);
		const result = await addJukyoConsentRule(locals.db, values, actorFrom(event));
		if (!result.ok) {
			const fields = result.code === 'invalid' ? result.fields : { _: 'error.forbiddenTitle' };
			const ruleErrors = Object.fromEntries(
				Object.entries(fields).map(([field, key]) => [field, translate(locals.locale, isMessageKey(key) ? key : 'jukyoReport.rules.error.months')])
			);
			return fail(result.code === 'forbidden' ? 403 : 422, { ruleValues: values, ruleErrors });
		}
		redirect(303, `${localizePath('/staff/insurance/fees', locals.locale)}?saved=rule#consent-rules`);
	}
};
