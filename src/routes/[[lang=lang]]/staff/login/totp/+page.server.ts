import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { ZSecondFactorSchema } from '$lib/server/auth/schemas';
import { countUnusedRecoveryCodes, verifySecondFactor } from '$lib/server/auth/second-factor';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const session = locals.session;
	if (!session || session.secondFactorDone || !session.staff.totp_enabled) redirect(303, localizePath('/staff', locals.locale));
};

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		const session = locals.session;
		if (!session) redirect(303, localizePath('/staff/login', locals.locale));
		const form = await parseForm(event.request, ZSecondFactorSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await verifySecondFactor(locals.db, locals.secrets, session.staff, session.id, form.data.code, actorFrom(event));
		if (!result.ok) return formFailure(400, {}, { code: translate(locals.locale, 'login.totpInvalid') });
		const target = result.usedRecoveryCode
			? `/staff/account?recovery-left=${await countUnusedRecoveryCodes(locals.db, session.staff.id)}`
			: '/staff';
		redirect(303, localizePath(target, locals.locale));
	}
};
