import QRCode from 'qrcode';
import { translate } from '$lib/i18n/translate';
import { ZConfirmPasswordSchema, ZSecondFactorSchema } from '$lib/server/auth/schemas';
import { isFreshSession } from '$lib/server/auth/session';
import { isSecureUrl, setSessionCookie } from '$lib/server/auth/session-cookie';
import { beginTotpEnrolment, confirmTotpEnrolment } from '$lib/server/auth/totp-enrolment';
import { totpKeyUri } from '$lib/server/auth/totp';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { recentClinic } from '$lib/server/clinic/clinic-settings';

/*
 * Enrolment in two posts (issue #16): the password again (`reveal`), which answers with a new
 * secret, then a code from it (`confirm`). The page itself never shows a secret.
 */
export const load: PageServerLoad = async ({ locals }) => {
	const session = locals.session!;
	// Already enrolled (also right after the confirming post, whose answer shows the recovery codes).
	if (session.staff.totp_enabled) return { enrolled: true as const };
	return {
		enrolled: false as const,
		required: !session.secondFactorDone,
		fresh: isFreshSession(session, locals.db.clock.now())
	};
};

export const actions: Actions = {
	reveal: async (event) => {
		const { locals } = event;
		const session = locals.session!;
		const form = await parseForm(event.request, ZConfirmPasswordSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await beginTotpEnrolment(
			locals.db,
			locals.secrets,
			{ staffId: session.staff.id, createdAt: session.createdAt },
			form.data.password,
			actorFrom(event)
		);
		if (!result.ok) {
			if (result.code === 'already_enrolled') return formFailure(409, {}, {});
			if (result.code === 'stale_session') return formFailure(403, {}, {}, translate(locals.locale, 'staffSecurity.signInAgain'));
			if (result.code === 'locked') return formFailure(429, {}, {}, translate(locals.locale, 'login.locked', { minutes: 15 }));
			return formFailure(400, {}, { password: translate(locals.locale, 'staffSecurity.wrongPassword') });
		}
		const clinic = await recentClinic(locals.db);
		const uri = totpKeyUri(result.secret, session.staff.email, clinic ? `shinkyu ${clinic.name_en}` : 'shinkyu');
		return {
			secret: result.secret.match(/.{1,4}/g)!.join(' '),
			qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
		};
	},
	confirm: async (event) => {
		const { locals, cookies, url } = event;
		const session = locals.session!;
		const form = await parseForm(event.request, ZSecondFactorSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await confirmTotpEnrolment(locals.db, locals.secrets, session.staff.id, session.id, form.data.code, actorFrom(event));
		if (!result.ok) return formFailure(400, {}, { code: translate(locals.locale, 'enrol.invalid') });
		setSessionCookie(cookies, result.session.token, result.session.expiresAt, isSecureUrl(url));
		return { recoveryCodes: result.recoveryCodes };
	}
};
