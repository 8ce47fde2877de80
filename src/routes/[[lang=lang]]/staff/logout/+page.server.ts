import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { clearSessionCookie, isSecureUrl, readSessionCookie } from '$lib/server/auth/session-cookie';
import { signOut } from '$lib/server/auth/sign-out';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST; a GET only sends the visitor on.
export const load: PageServerLoad = ({ locals }) => redirect(303, localizePath('/staff', locals.locale));

export const actions: Actions = {
	default: async (event) => {
		const { locals, cookies } = event;
		await signOut(locals.db, readSessionCookie(cookies, isSecureUrl(event.url)), locals.session?.staff.id, actorFrom(event));
		clearSessionCookie(cookies, isSecureUrl(event.url));
		redirect(303, localizePath('/staff/login?signed-out', locals.locale));
	}
};
