import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { passwordMessage } from '$lib/server/http/password-messages';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { ZAcceptInvitationSchema } from '$lib/server/staff/schemas';
import { acceptInvitation, findOpenInvitation } from '$lib/server/staff/team';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const invitation = await findOpenInvitation(locals.db, params.token);
	return { invitationEmail: invitation?.email ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, params } = event;
		const form = await parseForm(event.request, ZAcceptInvitationSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await acceptInvitation(locals.db, { token: params.token, ...form.data }, actorFrom(event));
		if (result.ok) redirect(303, localizePath('/staff/login?invited', locals.locale));
		if (result.code === 'weak_password') {
			return formFailure(422, form.values, { password: passwordMessage(result.problems, false, locals.locale) });
		}
		return formFailure(409, form.values, {}, translate(locals.locale, 'invite.invalid'));
	}
};
