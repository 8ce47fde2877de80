import { minimumLength } from '$lib/domain/auth/password-policy';
import { translate } from '$lib/i18n/translate';
import { changePassword } from '$lib/server/auth/change-password';
import { ZChangePasswordSchema } from '$lib/server/auth/schemas';
import { countUnusedRecoveryCodes, replaceRecoveryCodes } from '$lib/server/auth/second-factor';
import { recordAudit } from '$lib/server/audit/audit-log';
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
		if (!staff.totp_enabled) return formFailure(400, {}, {});
		const codes = await replaceRecoveryCodes(locals.db, staff.id);
		await recordAudit(locals.db, actorFrom(event), { action: 'auth.recovery_codes_replaced', entityType: 'staff', entityId: staff.id });
		return { recoveryCodes: codes };
	}
};
