import { recordAudit, type AuditActor } from '../audit/audit-log';
import { randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import type { StaffRole } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { findActivePractitionerId, practitionerIdsOfStaffQuery } from '../scheduling-settings/settings-repository';

/*
 * The secret in a practitioner's calendar-feed URL (issue #6). Calendar apps cannot sign in, so
 * the URL itself is the key: only its SHA-256 is stored, it is shown once, and issuing a new one
 * replaces the row, which revokes the URL given before.
 */

/** The practitioner themself, or the owner, looks after a feed; reception never sees one. */
export function mayManageFeed(viewer: { id: string; role: StaffRole }, practitioner: { staffId: string | null }): boolean {
	return viewer.role === 'owner' || (viewer.role === 'practitioner' && practitioner.staffId === viewer.id);
}

export type IssueFeedTokenResult = { ok: true; token: string; replaced: boolean } | { ok: false; code: 'not_found' };

export async function issueFeedToken(db: Db, practitionerId: string, actor: AuditActor, now = db.clock.now()): Promise<IssueFeedTokenResult> {
	return withTransaction(db, async (tx) => {
		const practitioner = await findActivePractitionerId(tx, practitionerId);
		if (!practitioner) return { ok: false, code: 'not_found' } as const;
		const removed = await tx.kysely.deleteFrom('practitioner_feed_token').where('practitioner_id', '=', practitioner.id).executeTakeFirst();
		const token = randomToken();
		await tx.kysely
			.insertInto('practitioner_feed_token')
			.values({ practitioner_id: practitioner.id, token_hash: sha256Hex(token), created_at: now.toISOString() })
			.execute();
		const replaced = Number(removed.numDeletedRows) > 0;
		await recordAudit(tx, actor, { action: 'calendar_feed.issue', entityType: 'practitioner', entityId: practitioner.id, detail: { replaced } });
		return { ok: true, token, replaced } as const;
	});
}

/** Turns a feed off; calendar apps that still poll the old URL get 404. */
export async function revokeFeedToken(db: Db, practitionerId: string, actor: AuditActor): Promise<{ revoked: boolean }> {
	return withTransaction(db, async (tx) => {
		const removed = await tx.kysely.deleteFrom('practitioner_feed_token').where('practitioner_id', '=', practitionerId).executeTakeFirst();
		const revoked = Number(removed.numDeletedRows) > 0;
		if (revoked) await recordAudit(tx, actor, { action: 'calendar_feed.revoke', entityType: 'practitioner', entityId: practitionerId });
		return { revoked };
	});
}

/** When each practitioner's current feed URL was made (none: no feed). */
export async function feedTokenDates(db: Db): Promise<Map<string, string>> {
	const rows = await db.kysely.selectFrom('practitioner_feed_token').select(['practitioner_id', 'created_at']).execute();
	return new Map(rows.map((r) => [r.practitioner_id, r.created_at]));
}

/**
 * Whether `token` opens the feed of `practitionerId`. The lookup is by hash, so the time it takes
 * says nothing about the token; a wrong token and an unknown practitioner look the same.
 */
export async function isValidFeedToken(db: Db, practitionerId: string, token: string | null): Promise<boolean> {
	if (!token || token.length > 128) return false;
	const row = await db.kysely
		.selectFrom('practitioner_feed_token')
		.innerJoin('practitioner', 'practitioner.id', 'practitioner_feed_token.practitioner_id')
		.select('practitioner_feed_token.practitioner_id')
		.where('practitioner_feed_token.token_hash', '=', sha256Hex(token))
		.where('practitioner.active', '=', 1)
		.executeTakeFirst();
	return row?.practitioner_id === practitionerId;
}

/** Deletes the calendar feed tokens of the practitioners linked to a staff member; how many went. */
export async function revokeFeedTokensOfStaff(db: Db, staffId: string): Promise<number> {
	const removed = await db.kysely
		.deleteFrom('practitioner_feed_token')
		.where('practitioner_id', 'in', practitionerIdsOfStaffQuery(db, staffId))
		.executeTakeFirst();
	return Number(removed.numDeletedRows);
}
