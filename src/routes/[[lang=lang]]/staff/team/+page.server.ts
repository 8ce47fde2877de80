import { localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { invitationMail } from '$lib/server/staff/invitation-mail';
import { ZInviteStaffSchema, ZRevokeInvitationSchema, ZTeamChangeSchema } from '$lib/server/staff/schemas';
import { listStaff } from '$lib/server/staff/staff-repository';
import { inviteStaff, listOpenInvitations, revokeInvitation, updateTeamMember } from '$lib/server/staff/team';
import type { Actions, PageServerLoad } from './$types';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic, recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async ({ locals }) => ({
	selfId: locals.session!.staff.id,
	members: (await listStaff(locals.db)).map((s) => ({
		id: s.id,
		name: s.display_name,
		email: s.email,
		role: s.role,
		disabled: s.disabled === 1,
		totpEnabled: s.totp_enabled === 1
	})),
	invitations: await listOpenInvitations(locals.db),
	timeZone: await recentClinicTimeZone(locals.db)
});

export const actions: Actions = {
	invite: async (event) => {
		const { locals } = event;
		const form = await parseForm(event.request, ZInviteStaffSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await inviteStaff(locals.db, form.data, actorFrom(event));
		if (!result.ok) return formFailure(409, form.values, { email: translate(locals.locale, 'team.emailTaken') });
		const inviteUrl = new URL(localizePath(`/staff/invite/${result.token}`, locals.locale), locals.origin).toString();
		const clinic = await recentClinic(locals.db);
		const mail = invitationMail({
			to: form.data.email,
			role: form.data.role,
			url: inviteUrl,
			expiresAt: result.expiresAt,
			clinicName: (locals.locale === 'ja' ? clinic?.name_ja : clinic?.name_en) ?? 'shinkyu',
			timeZone: clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE,
			locale: locals.locale
		});
		// Queued: the worker sends it in a moment and retries if the mail server is down.
		await locals.mailer.send(locals.db, mail);
		return { inviteUrl, invitedEmail: form.data.email, delivered: locals.mailer.canDeliver, expiresAt: result.expiresAt.toISOString() };
	},
	update: async (event) => {
		const { locals } = event;
		const form = await parseForm(event.request, ZTeamChangeSchema, locals.locale);
		if (!form.ok) return form.failure;
		const { staffId, role, disabled } = form.data;
		const change = { role, disabled: disabled === undefined ? undefined : disabled === '1' };
		const result = await updateTeamMember(locals.db, staffId, change, actorFrom(event));
		if (!result.ok) {
			return formFailure(
				result.code === 'not_found' ? 404 : 409,
				{},
				{},
				translate(locals.locale, result.code === 'last_owner' ? 'team.lastOwner' : 'api.notFound')
			);
		}
		return { updated: true };
	},
	revokeInvitation: async (event) => {
		const { locals } = event;
		const form = await parseForm(event.request, ZRevokeInvitationSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await revokeInvitation(locals.db, form.data.invitationId, actorFrom(event));
		if (!result.ok) return formFailure(404, {}, {}, translate(locals.locale, 'staffSecurity.invitationNotFound'));
		return { invitationRevoked: true };
	}
};
