import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { ZSecondFactorSchema } from '$lib/server/auth/schemas';
import { countUnusedRecoveryCodes, verifySecondFactor } from '$lib/server/auth/second-factor';
import { clearSessionCookie, isSecureUrl, setSessionCookie } from '$lib/server/auth/session-cookie';
import { formFailure, parseForm } from '$lib/server/http/form';
import { safeNextPath } from '$lib/server/http/return-path';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const session = locals.session;
	if (!session || session.secondFactorDone || !session.staff.totp_enabled) redirect(303, localizePath('/staff', locals.locale));
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, cookies, url } = event;
		const session = locals.session;
		if (!session) redirect(303, localizePath('/staff/login', locals.locale));
		if (session.secondFactorDone) redirect(303, localizePath('/staff', locals.locale));
		const form = await parseForm(event.request, ZSecondFactorSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await verifySecondFactor(locals.db, locals.secrets, session.staff, session.id, form.data.code, actorFrom(event));
		if (!result.ok && result.code === 'locked') {
			// The pending session is gone: the password step must be passed again, after the lock.
			clearSessionCookie(cookies, isSecureUrl(url));
			const message = translate(locals.locale, 'staffSecurity.secondFactorLocked', { minutes: Math.ceil(result.retryAfterSeconds / 60) });
			return formFailure(429, {}, { code: message }, message);
		}
		if (!result.ok) return formFailure(400, {}, { code: translate(locals.locale, 'login.totpInvalid') });
		setSessionCookie(cookies, result.session.token, result.session.expiresAt, isSecureUrl(url));
		if (result.usedRecoveryCode) {
			redirect(303, localizePath(`/staff/account?recovery-left=${await countUnusedRecoveryCodes(locals.db, session.staff.id)}`, locals.locale));
		}
		redirect(303, safeNextPath(url.searchParams.get('next'), localizePath('/staff', locals.locale)));
	}
};
