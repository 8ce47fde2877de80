import { minimumLength } from '$lib/domain/auth/password-policy';
import { translate } from '$lib/i18n/translate';
import { changePassword } from '$lib/server/auth/change-password';
import { ZChangePasswordSchema, ZRecoveryProofSchema } from '$lib/server/auth/schemas';
import { countUnusedRecoveryCodes, regenerateRecoveryCodes } from '$lib/server/auth/second-factor';
import { passwordMessage } from '$lib/server/http/password-messages';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const staff = locals.session!.staff;
	const recoveryLeft = url.searchParams.get('recovery-left');
	return {
		email: staff.email,
		totpEnabled: staff.totp_enabled === 1,
		recoveryCodesLeft: await countUnusedRecoveryCodes(locals.db, staff.id),
		usedRecoveryCode: recoveryLeft !== null,
		minimumPasswordLength: minimumLength(staff.totp_enabled === 1)
	};
};

export const actions: Actions = {
	password: async (event) => {
		const { locals } = event;
		const session = locals.session!;
		const form = await parseForm(event.request, ZChangePasswordSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await changePassword(locals.db, session.staff, session.id, form.data, actorFrom(event));
		if (result.ok) return { passwordChanged: true };
		if (result.code === 'wrong_current_password') {
			return formFailure(400, {}, { currentPassword: translate(locals.locale, 'account.wrongCurrent') });
		}
		return formFailure(422, {}, { newPassword: passwordMessage(result.problems, session.staff.totp_enabled === 1, locals.locale) });
	},
	recovery: async (event) => {
		const { locals } = event;
		const staff = locals.session!.staff;
		const form = await parseForm(event.request, ZRecoveryProofSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await regenerateRecoveryCodes(locals.db, locals.secrets, staff.id, form.data.proof, actorFrom(event));
		if (result.ok) return { recoveryCodes: result.recoveryCodes };
		if (result.code === 'locked') {
			const message = translate(locals.locale, 'staffSecurity.secondFactorLocked', { minutes: Math.ceil(result.retryAfterSeconds / 60) });
			return formFailure(429, {}, {}, message);
		}
		return formFailure(400, {}, { proof: translate(locals.locale, 'staffSecurity.recoveryProofInvalid') });
	}
};
