import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { SYSTEM_ACTOR, type AuditActor } from '../audit/audit-log';
import { createSession, validateSession } from '../auth/session';
import { isValidFeedToken, issueFeedToken } from '../schedule/feed-token';
import { seedClinic } from '../seed/demo-clinic';
import { createStaff } from './create-staff';
import { acceptInvitation, findOpenInvitation, inviteStaff, listOpenInvitations, revokeInvitation, updateTeamMember } from './team';

describeEachDatabase('team management', (db) => {
	let owner: AuditActor;

	it('creates the first owner', async () => {
		const result = await createStaff(db(), { email: 'boss@example.jp', role: 'owner', displayName: '院長', password: 'plum blossom in march' }, SYSTEM_ACTOR);
		if (!result.ok) throw new Error(result.code);
		owner = { type: 'staff', id: result.staff.id, ip: null, requestId: null };
		expect(await createStaff(db(), { email: 'BOSS@example.jp', role: 'reception', displayName: 'x', password: 'plum blossom in march' }, SYSTEM_ACTOR)).toEqual(
			{
				ok: false,
				code: 'email_taken'
			}
		);
	});

	it('never leaves the clinic without an active owner', async () => {
		expect(await updateTeamMember(db(), owner.id!, { role: 'reception' }, owner)).toEqual({ ok: false, code: 'last_owner' });
		expect(await updateTeamMember(db(), owner.id!, { disabled: true }, owner)).toEqual({ ok: false, code: 'last_owner' });
	});

	it('lets an invited colleague create an account once, with a strong password', async () => {
		const invite = await inviteStaff(db(), { email: 'Miho@example.jp', role: 'practitioner' }, owner);
		if (!invite.ok) throw new Error(invite.code);
		const weak = await acceptInvitation(db(), { token: invite.token, displayName: '佐藤', password: 'short' }, SYSTEM_ACTOR);
		expect(weak).toMatchObject({ ok: false, code: 'weak_password' });
		const accepted = await acceptInvitation(db(), { token: invite.token, displayName: '佐藤', password: 'evening tide lantern' }, SYSTEM_ACTOR);
		expect(accepted.ok).toBe(true);
		const again = await acceptInvitation(db(), { token: invite.token, displayName: '佐藤', password: 'evening tide lantern' }, SYSTEM_ACTOR);
		expect(again).toEqual({ ok: false, code: 'invitation_invalid' });
		expect(await inviteStaff(db(), { email: 'miho@example.jp', role: 'reception' }, owner)).toEqual({ ok: false, code: 'email_taken' });
	});

	it('signs a disabled colleague out at once', async () => {
		const staff = await db().kysely.selectFrom('staff').selectAll().where('email', '=', 'miho@example.jp').executeTakeFirstOrThrow();
		const { token } = await createSession(db(), staff.id, true);
		expect(await updateTeamMember(db(), staff.id, { disabled: true }, owner)).toEqual({ ok: true });
		expect(await validateSession(db(), token)).toBeNull();
		const audit = await db().kysely.selectFrom('audit_log').select('action').where('entity_id', '=', staff.id).execute();
		expect(audit.map((a) => a.action)).toEqual(['staff.invitation_accepted', 'staff.disabled']);
	});

	it('lets the owner revoke an invitation, after which its link no longer works (issue #16)', async () => {
		const invite = await inviteStaff(db(), { email: 'wrong-address@example.jp', role: 'practitioner' }, owner);
		if (!invite.ok) throw new Error(invite.code);
		const open = await findOpenInvitation(db(), invite.token);
		expect(open?.email).toBe('wrong-address@example.jp');
		expect(await revokeInvitation(db(), open!.id, owner)).toEqual({ ok: true });
		expect(await findOpenInvitation(db(), invite.token)).toBeUndefined();
		expect((await listOpenInvitations(db())).map((i) => i.email)).not.toContain('wrong-address@example.jp');
		expect(await acceptInvitation(db(), { token: invite.token, displayName: 'x', password: 'evening tide lantern' }, SYSTEM_ACTOR)).toEqual({
			ok: false,
			code: 'invitation_invalid'
		});
		expect(await revokeInvitation(db(), open!.id, owner)).toEqual({ ok: false, code: 'not_found' });
		const audit = await db().kysely.selectFrom('audit_log').select('action').where('entity_id', '=', open!.id).execute();
		expect(audit.map((a) => a.action)).toEqual(['staff.invite', 'staff.invitation_revoked']);
	});

	it('revokes the calendar feed of a disabled practitioner along with every session (issue #16)', async () => {
		await seedClinic(db(), false);
		const created = await createStaff(
			db(),
			{ email: 'feed@example.jp', role: 'practitioner', displayName: '鈴木', password: 'plum blossom in march' },
			SYSTEM_ACTOR
		);
		if (!created.ok) throw new Error(created.code);
		const practitionerId = crypto.randomUUID();
		await db()
			.kysely.insertInto('practitioner')
			.values({
				id: practitionerId,
				clinic_id: 'clinic-fuji-wellness',
				staff_id: created.staff.id,
				family_name_ja: '鈴木',
				given_name_ja: '一',
				family_name_en: 'Suzuki',
				given_name_en: 'Hajime',
				hari_licence: '第1号',
				kyu_licence: null,
				active: 1
			})
			.execute();
		const feed = await issueFeedToken(db(), practitionerId, owner);
		if (!feed.ok) throw new Error(feed.code);
		const phone = await createSession(db(), created.staff.id, true);
		const desk = await createSession(db(), created.staff.id, false);
		expect(await isValidFeedToken(db(), practitionerId, feed.token)).toBe(true);
		expect(await updateTeamMember(db(), created.staff.id, { disabled: true }, owner)).toEqual({ ok: true });
		expect(await isValidFeedToken(db(), practitionerId, feed.token)).toBe(false);
		expect(await validateSession(db(), phone.token)).toBeNull();
		expect(await validateSession(db(), desk.token)).toBeNull();
		// Enabling the account again does not bring the old feed URL back.
		expect(await updateTeamMember(db(), created.staff.id, { disabled: false }, owner)).toEqual({ ok: true });
		expect(await isValidFeedToken(db(), practitionerId, feed.token)).toBe(false);
	});

	it('allows demoting an owner once another owner is active', async () => {
		const second = await createStaff(db(), { email: 'co-owner@example.jp', role: 'owner', displayName: 'co', password: 'plum blossom in march' }, SYSTEM_ACTOR);
		if (!second.ok) throw new Error(second.code);
		expect(await updateTeamMember(db(), owner.id!, { role: 'practitioner' }, owner)).toEqual({ ok: true });
	});
});
