/*
 * The one path every change to a session record takes: load it in a transaction, apply the
 * change, audit it. The record belongs to its practitioner (domain/clinical/record-ownership.ts):
 * only they change it, and the owner only by an amendment with a reason. 施術録 rule
 * (docs/clinical-rules.md §6): once closed, a change is kept as an amendment whose `before` holds
 * the earlier values; 24 hours after closing the record is locked and a change also needs a
 * reason. Audit details name the fields changed, never their clinical content.
 */
import { randomUUID } from 'node:crypto';
import { recordEditRight, sessionChangeRule } from '../../domain/clinical/record-ownership';
import { amendmentDiff, isLocked } from '../../domain/clinical/session-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { fieldCodesFrom, type SessionFieldCodes } from './field-codes';
import { ZAmendmentReasonSchema } from './schemas';
import { findSession, insertSessionAmendment, type SessionRecord, updateSession } from './session-repository';
import type { NeedsAcknowledgement } from './session-safety';
import { findStaffRole } from '../staff/staff-repository';

export type SessionEditResult =
	| { ok: true; amended: boolean }
	| { ok: false; code: 'invalid'; fields: SessionFieldCodes }
	/** The change meets the patient's safety alerts or a point's caution: each conflict needs a reason. */
	| NeedsAcknowledgement
	| { ok: false; code: 'not_found' | 'closed' | 'forbidden' };

export interface SessionChange {
	/** Audit action, e.g. `treatment_session.notes`. */
	action: string;
	/** The changed part of the record before and after (for the amendment). */
	before: Record<string, unknown>;
	after: Record<string, unknown>;
	/** Extra audit facts: ids and counts only. */
	detail?: Record<string, unknown>;
}

export type ApplyOutcome = SessionChange | { ok: false; code: 'invalid'; fields: SessionFieldCodes } | { ok: false; code: 'closed' } | NeedsAcknowledgement;

export interface EditOptions {
	now?: Date;
	/** Refuse the change on a closed session (needle counts, timer). */
	openOnly?: boolean;
}

export async function editSession(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: EditOptions,
	apply: (tx: Db, session: SessionRecord, now: Date) => Promise<ApplyOutcome>
): Promise<SessionEditResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx) => {
		const session = await findSession(tx, patientId, sessionId);
		if (!session) return { ok: false, code: 'not_found' } as const;
		const editor = await findStaffRole(tx, staffId);
		const right = editor ? recordEditRight({ staffId, role: editor.role }, session.practitionerStaffId) : 'none';
		if (right === 'none') return { ok: false, code: 'forbidden' } as const;
		if (options.openOnly && session.closedAt !== null) return { ok: false, code: 'closed' } as const;
		const locked = isLocked(session.closedAt, now);
		const rule = sessionChangeRule(right, { closed: session.closedAt !== null, locked });
		let reason = '';
		if (rule.reasonRequired) {
			const parsed = ZAmendmentReasonSchema.safeParse(input);
			if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) } as const;
			reason = parsed.data.reason;
		} else if (rule.amendment) {
			// Before the lock the author may say why, and need not.
			const parsed = ZAmendmentReasonSchema.safeParse(input);
			if (parsed.success) reason = parsed.data.reason;
		}
		const change = await apply(tx, session, now);
		if ('ok' in change) return change;
		await updateSession(tx, sessionId, { updated_at: now.toISOString() });
		const changed = amendmentDiff(change.before, change.after);
		if (rule.amendment) {
			await insertSessionAmendment(tx, {
				id: randomUUID(),
				session_id: sessionId,
				staff_id: staffId,
				created_at: now.toISOString(),
				reason,
				before: JSON.stringify(Object.fromEntries(changed.map((c) => [c.field, c.before]))),
				after: JSON.stringify(Object.fromEntries(changed.map((c) => [c.field, c.after])))
			});
		}
		await recordAudit(tx, actor, {
			action: change.action,
			entityType: 'treatment_session',
			entityId: sessionId,
			patientId,
			detail: { ...change.detail, fields: changed.map((c) => c.field), amendment: rule.amendment }
		});
		return { ok: true, amended: rule.amendment } as const;
	});
}
