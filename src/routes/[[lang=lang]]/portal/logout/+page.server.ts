import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { actorFrom } from '$lib/server/http/request-context';
import { clearSessionCookie, isSecureUrl, PATIENT_SESSION_COOKIE, readSessionCookie } from '$lib/server/auth/session-cookie';
import { signOutOfPortal } from '$lib/server/portal/sign-in';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST; a GET only sends the visitor on.
export const load: PageServerLoad = ({ locals }) => redirect(303, localizePath('/portal', locals.locale));

export const actions: Actions = {
	default: async (event) => {
		const { locals, cookies, url } = event;
		const secure = isSecureUrl(url);
		await signOutOfPortal(locals.db, readSessionCookie(cookies, secure, PATIENT_SESSION_COOKIE), locals.patientSession?.patientId, actorFrom(event));
		clearSessionCookie(cookies, secure, PATIENT_SESSION_COOKIE);
		redirect(303, localizePath('/portal/login?signed-out', locals.locale));
	}
};
