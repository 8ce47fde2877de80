import { fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { isMagicLinkLive } from '$lib/server/portal/magic-link';
import { isSecureUrl, PATIENT_SESSION_COOKIE, readSessionCookie, setSessionCookie } from '$lib/server/auth/session-cookie';
import { deletePatientSession } from '$lib/server/portal/patient-session';
import { safePortalPath } from '$lib/server/portal/portal-path';
import { signInWithMagicLink } from '$lib/server/portal/sign-in';
import type { Actions, PageServerLoad } from './$types';

/*
 * Opening the link only shows a button: mail scanners fetch links to check them, and a GET that
 * signed in would use the link up before the patient saw it. The POST signs in.
 */

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	live: await isMagicLinkLive(locals.db, params.token),
	next: safePortalPath(url.searchParams.get('next'))
});

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, cookies, url } = event;
		const values = await readForm(event.request);
		const result = await signInWithMagicLink(locals.db, params.token, actorFrom(event));
		if (!result.ok) return fail(410, { expired: true });
		// A session already on this browser (perhaps a family member's) ends: one patient at a time.
		const secure = isSecureUrl(url);
		const previous = readSessionCookie(cookies, secure, PATIENT_SESSION_COOKIE);
		if (previous) await deletePatientSession(locals.db, previous);
		setSessionCookie(cookies, result.token, result.expiresAt, secure, PATIENT_SESSION_COOKIE);
		redirect(303, localizePath(safePortalPath(values.next ?? url.searchParams.get('next')), locals.locale));
	}
};
