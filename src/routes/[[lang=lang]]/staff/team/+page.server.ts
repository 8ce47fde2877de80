import { translate } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { ZInviteStaffSchema, ZTeamChangeSchema } from '$lib/server/staff/schemas';
import { listStaff } from '$lib/server/staff/staff-repository';
import { inviteStaff, listOpenInvitations, updateTeamMember } from '$lib/server/staff/team';
import type { Actions, PageServerLoad } from './$types';

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
	invitations: await listOpenInvitations(locals.db)
});

export const actions: Actions = {
	invite: async (event) => {
		const { locals, url } = event;
		const form = await parseForm(event.request, ZInviteStaffSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await inviteStaff(locals.db, form.data, actorFrom(event));
		if (!result.ok) return formFailure(409, form.values, { email: translate(locals.locale, 'team.emailTaken') });
		const path = `${locals.locale === 'en' ? '/en' : ''}/staff/invite/${result.token}`;
		return { inviteUrl: new URL(path, url.origin).toString(), expiresAt: result.expiresAt.toISOString() };
	},
	update: async (event) => {
		const { locals } = event;
		const form = await parseForm(event.request, ZTeamChangeSchema, locals.locale);
		if (!form.ok) return form.failure;
		const { staffId, role, disabled } = form.data;
		const change = { role, disabled: disabled === undefined ? undefined : disabled === '1' };
		const result = await updateTeamMember(locals.db, staffId, change, actorFrom(event));
		if (!result.ok) {
			return formFailure(result.code === 'not_found' ? 404 : 409, {}, {}, translate(locals.locale, result.code === 'last_owner' ? 'team.lastOwner' : 'api.notFound'));
		}
		return { updated: true };
	}
};
