import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { ZSignInSchema } from '$lib/server/auth/schemas';
import { verifySecondFactor } from '$lib/server/auth/second-factor';
import { deleteSession } from '$lib/server/auth/session';
import { isSecureUrl, setSessionCookie } from '$lib/server/auth/session-cookie';
import { signIn } from '$lib/server/auth/sign-in';
import { apiError, validationError } from '$lib/server/http/api-response';
import { readJson } from '$lib/server/http/read-json';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const { locals, cookies, url } = event;
	const body = await readJson(event.request);
	if (!body.ok) return apiError(400, 'invalid_json', translate(locals.locale, 'api.invalidJson'));
	const parsed = ZSignInSchema.safeParse(body.value);
	if (!parsed.success) return validationError(parsed.error, body.value, locals.locale, translate(locals.locale, 'validation.formTitle'));

	const actor = actorFrom(event);
	const result = await signIn(locals.db, parsed.data, actor);
	if (!result.ok) {
		if (result.code === 'locked') {
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			return apiError(429, 'locked', translate(locals.locale, 'login.locked', { minutes }), undefined, {
				'retry-after': String(result.retryAfterSeconds)
			});
		}
		return apiError(401, 'invalid_credentials', translate(locals.locale, 'login.invalid'));
	}

	let next = result.next;
	let session = { token: result.token, expiresAt: result.expiresAt };
	if (next === 'totp' && parsed.data.code) {
		const second = await verifySecondFactor(locals.db, locals.secrets, result.staff, result.sessionId, parsed.data.code, {
			...actor,
			type: 'staff',
			id: result.staff.id
		});
		if (!second.ok) {
			await deleteSession(locals.db, result.token);
			if (second.code === 'locked') {
				const minutes = Math.ceil(second.retryAfterSeconds / 60);
				return apiError(429, 'locked', translate(locals.locale, 'staffSecurity.secondFactorLocked', { minutes }), undefined, {
					'retry-after': String(second.retryAfterSeconds)
				});
			}
			return apiError(401, 'invalid_code', translate(locals.locale, 'login.totpInvalid'));
		}
		session = second.session;
		next = 'done';
	}
	setSessionCookie(cookies, session.token, session.expiresAt, isSecureUrl(url));
	return json({
		staff: { id: result.staff.id, email: result.staff.email, displayName: result.staff.display_name, role: result.staff.role },
		next
	});
};
