import { recordAudit, type AuditActor } from '../audit/audit-log';
import { sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { closeOffer } from './answer-offer';
import { MAX_TOKEN_LENGTH } from './tokens';
import { markWaitlistEntryLeft } from './waitlist-repository';

/** The patient's manage token, or the entry's id for the desk. */
export type EntryKey = string | { entryId: string };

export type LeaveWaitlistResult = { ok: true } | { ok: false; code: 'not_found' | 'not_waiting' };

/** Leaves the waiting list; an offer still open is declined, so its slot passes on at once. */
export async function leaveWaitlist(db: Db, key: EntryKey, actor: AuditActor, now = db.clock.now().getTime()): Promise<LeaveWaitlistResult> {
	return withTransaction(db, async (tx) => {
		const entry = await entryByKey(tx, key);
		if (!entry) return { ok: false, code: 'not_found' } as const;
		if (!(await markWaitlistEntryLeft(tx, entry.id, new Date(now).toISOString()))) return { ok: false, code: 'not_waiting' } as const;
		const open = await tx.kysely.selectFrom('waitlist_offer').selectAll().where('entry_id', '=', entry.id).where('status', '=', 'offered').executeTakeFirst();
		if (open) await closeOffer(tx, open, 'declined', actor, now);
		await recordAudit(tx, actor, {
			action: 'waitlist.leave',
			entityType: 'waitlist_entry',
			entityId: entry.id,
			patientId: entry.patient_id,
			detail: { via: typeof key === 'string' ? 'manage_link' : 'desk' }
		});
		return { ok: true } as const;
	});
}

export async function entryByKey(db: Db, key: EntryKey): Promise<{ id: string; patient_id: string } | undefined> {
	let query = db.kysely.selectFrom('waitlist_entry').select(['id', 'patient_id']);
	if (typeof key === 'string') {
		if (!key || key.length > MAX_TOKEN_LENGTH) return undefined;
		query = query.where('manage_token_hash', '=', sha256Hex(key));
	} else query = query.where('id', '=', key.entryId);
	return query.executeTakeFirst();
}
