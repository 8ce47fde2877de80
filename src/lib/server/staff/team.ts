import { randomUUID } from 'node:crypto';
import type { PasswordProblem } from '../../domain/auth/password-policy';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { checkPassword, hashPassword } from '../auth/password';
import { deleteStaffSessions } from '../auth/session';
import { randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import type { StaffRole } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { revokeFeedTokensOfStaff } from '../schedule/feed-token';
import { insertStaff } from './create-staff';
import {
	closeStaffInvitation,
	countActiveOwners,
	findStaffByEmail,
	findStaffById,
	insertStaffInvitation,
	normaliseEmail,
	updateStaffAccess
} from './staff-repository';

const INVITATION_DAYS = 7;

export type InviteResult = { ok: true; token: string; expiresAt: Date } | { ok: false; code: 'email_taken' };

/** The owner invites a colleague; the link carries a token whose hash alone is stored. */
export async function inviteStaff(db: Db, input: { email: string; role: StaffRole }, actor: AuditActor, now = db.clock.now()): Promise<InviteResult> {
	const email = normaliseEmail(input.email);
	return withTransaction(db, async (tx) => {
		if (await findStaffByEmail(tx, email)) return { ok: false, code: 'email_taken' } as const;
		const token = randomToken();
		const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
		const id = randomUUID();
		await insertStaffInvitation(tx, {
			id,
			token_hash: sha256Hex(token),
			email,
			role: input.role,
			invited_by: actor.id ?? '',
			created_at: now.toISOString(),
			expires_at: expiresAt.toISOString(),
			accepted_at: null
		});
		await recordAudit(tx, actor, { action: 'staff.invite', entityType: 'staff_invitation', entityId: id, detail: { role: input.role } });
		return { ok: true, token, expiresAt } as const;
	});
}

export async function findOpenInvitation(db: Db, token: string, now = db.clock.now()) {
	return db.kysely
		.selectFrom('staff_invitation')
		.selectAll()
		.where('token_hash', '=', sha256Hex(token))
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.executeTakeFirst();
}

export async function listOpenInvitations(db: Db, now = db.clock.now()) {
	return db.kysely
		.selectFrom('staff_invitation')
		.select(['id', 'email', 'role', 'expires_at'])
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', now.toISOString())
		.orderBy('created_at', 'desc')
		.execute();
}

/**
 * The owner takes an open invitation back (issue #16): its link stops working at once, even if
 * the mail was read by someone else. The row stays, marked, for the record.
 */
export async function revokeInvitation(
	db: Db,
	invitationId: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<{ ok: true } | { ok: false; code: 'not_found' }> {
	return withTransaction(db, async (tx) => {
		if (!(await closeStaffInvitation(tx, invitationId, { revoked_at: now.toISOString() }))) return { ok: false, code: 'not_found' } as const;
		await recordAudit(tx, actor, { action: 'staff.invitation_revoked', entityType: 'staff_invitation', entityId: invitationId });
		return { ok: true } as const;
	});
}

export type AcceptResult =
	{ ok: true; staffId: string } | { ok: false; code: 'invitation_invalid' | 'email_taken' } | { ok: false; code: 'weak_password'; problems: PasswordProblem[] };

export async function acceptInvitation(db: Db, input: { token: string; displayName: string; password: string }, actor: AuditActor): Promise<AcceptResult> {
	const invitation = await findOpenInvitation(db, input.token);
	if (!invitation) return { ok: false, code: 'invitation_invalid' };
	const problems = checkPassword(input.password, false, invitation.email);
	if (problems.length > 0) return { ok: false, code: 'weak_password', problems };
	const passwordHash = await hashPassword(input.password);
	return withTransaction(db, async (tx) => {
		if (!(await closeStaffInvitation(tx, invitation.id, { accepted_at: tx.clock.now().toISOString() })))
			return { ok: false, code: 'invitation_invalid' } as const;
		if (await findStaffByEmail(tx, invitation.email)) return { ok: false, code: 'email_taken' } as const;
		const { id: staffId } = await insertStaff(tx, {
			email: invitation.email,
			displayName: input.displayName,
			role: invitation.role,
			passwordHash
		});
		await recordAudit(
			tx,
			{ ...actor, type: 'staff', id: staffId },
			{
				action: 'staff.invitation_accepted',
				entityType: 'staff',
				entityId: staffId,
				detail: { role: invitation.role }
			}
		);
		return { ok: true, staffId } as const;
	});
}

export type TeamChangeResult = { ok: true } | { ok: false; code: 'not_found' | 'last_owner' };

/**
 * Changes a role or enables/disables an account; the clinic always keeps one active owner.
 * Disabling ends every session of the account and revokes the calendar-feed URLs of the
 * practitioner it is linked to (issue #16): a feed URL is a key of its own, kept in a phone's
 * calendar, and must not outlive the person's access.
 */
export async function updateTeamMember(
	db: Db,
	staffId: string,
	change: { role?: StaffRole; disabled?: boolean },
	actor: AuditActor
): Promise<TeamChangeResult> {
	return withTransaction(db, async (tx) => {
		const staff = await findStaffById(tx, staffId);
		if (!staff) return { ok: false, code: 'not_found' } as const;
		const losesOwner = staff.role === 'owner' && !staff.disabled && ((change.role && change.role !== 'owner') || change.disabled);
		if (losesOwner && (await countActiveOwners(tx)) <= 1) return { ok: false, code: 'last_owner' } as const;
		await updateStaffAccess(tx, staffId, {
			...(change.role ? { role: change.role } : {}),
			...(change.disabled === undefined ? {} : { disabled: change.disabled ? 1 : 0 })
		});
		if (change.disabled || change.role) await deleteStaffSessions(tx, staffId);
		let feedsRevoked = 0;
		if (change.disabled) {
			feedsRevoked = await revokeFeedTokensOfStaff(tx, staffId);
		}
		await recordAudit(tx, actor, {
			action: change.role ? 'staff.role_changed' : change.disabled ? 'staff.disabled' : 'staff.enabled',
			entityType: 'staff',
			entityId: staffId,
			detail: { from: staff.role, to: change.role ?? staff.role, ...(change.disabled ? { feedsRevoked } : {}) }
		});
		return { ok: true } as const;
	});
}
