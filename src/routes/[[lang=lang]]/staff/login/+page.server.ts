import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { ZSignInSchema } from '$lib/server/auth/schemas';
import { isSecureUrl, setSessionCookie } from '$lib/server/auth/session-cookie';
import { signIn } from '$lib/server/auth/sign-in';
import { formFailure, parseForm } from '$lib/server/http/form';
import { safeNextPath } from '$lib/server/http/return-path';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.session?.secondFactorDone) redirect(303, localizePath('/staff', locals.locale));
	return { signedOut: url.searchParams.has('signed-out'), invited: url.searchParams.has('invited') };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, url, cookies } = event;
		const form = await parseForm(event.request, ZSignInSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await signIn(locals.db, form.data, actorFrom(event));
		if (!result.ok) {
			const message =
				result.code === 'locked'
					? translate(locals.locale, 'login.locked', { minutes: Math.ceil(result.retryAfterSeconds / 60) })
					: translate(locals.locale, 'login.invalid');
			return formFailure(result.code === 'locked' ? 429 : 400, form.values, {}, message);
		}
		setSessionCookie(cookies, result.token, result.expiresAt, isSecureUrl(url));
		const after = safeNextPath(url.searchParams.get('next'), localizePath('/staff', locals.locale));
		if (result.next === 'done') redirect(303, after);
		// The code step carries the page asked for, and goes there once the code is right.
		if (result.next === 'totp') {
			const query = url.searchParams.has('next') ? `?next=${encodeURIComponent(after)}` : '';
			redirect(303, `${localizePath('/staff/login/totp', locals.locale)}${query}`);
		}
		redirect(303, localizePath('/staff/account/totp', locals.locale));
	}
};
