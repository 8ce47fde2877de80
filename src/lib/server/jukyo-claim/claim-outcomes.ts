import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CLAIM_OUTCOMES, type ClaimOutcome } from '../../domain/jukyo-claim/claim-input';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { findPatient } from '../patients/patient-repository';
import { findStaffRole } from '../staff/staff-repository';

/*
 * The 転帰 of a patient's month (docs/jukyo-claim.md §1): 継続 unless the desk records that the course
 * ended (治癒, 中止, 転医). The newest record of the month holds; nothing is changed in place. A claim
 * already marked ready keeps its frozen form, and the board shows that the records changed since.
 */
const ZClaimOutcomeSchema = z.object({
	patientId: z.uuid('claimStatus.error.claim'),
	month: z.string('jukyoClaim.page.badMonth').regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'jukyoClaim.page.badMonth'),
	outcome: z.enum(CLAIM_OUTCOMES, 'claimOutcome.error.outcome')
});

export type RecordClaimOutcomeResult =
	{ ok: true } | { ok: false; code: 'invalid'; fields: Record<string, string> } | { ok: false; code: 'forbidden' | 'not_found' };

const DESK_ROLES = ['owner', 'reception'];

export async function recordClaimOutcome(
	db: Db,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<RecordClaimOutcomeResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZClaimOutcomeSchema.safeParse(input);
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? '_')] ??= issue.message;
		return { ok: false, code: 'invalid', fields };
	}
	const { patientId, month, outcome } = parsed.data;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<RecordClaimOutcomeResult> => {
		const staff = await findStaffRole(tx, staffId);
		if (!staff || !DESK_ROLES.includes(staff.role)) return { ok: false, code: 'forbidden' };
		const patient = await findPatient(tx, patientId, ['id'], { live: true });
		if (!patient) return { ok: false, code: 'not_found' };
		const id = randomUUID();
		await tx.kysely
			.insertInto('jukyo_claim_outcome')
			.values({ id, patient_id: patientId, month, outcome, recorded_at: now.toISOString(), recorded_by: staffId })
			.execute();
		await recordAudit(tx, actor, { action: 'jukyo_claim.outcome', entityType: 'jukyo_claim_outcome', entityId: id, patientId, detail: { month, outcome } });
		return { ok: true };
	});
}

/** The month's 転帰: the newest record, or 継続. */
export async function claimOutcomeOf(db: Db, patientId: string, month: string): Promise<ClaimOutcome> {
	const row = await db.kysely
		.selectFrom('jukyo_claim_outcome')
		.select('outcome')
		.where('patient_id', '=', patientId)
		.where('month', '=', month)
		.orderBy('recorded_at', 'desc')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	return row?.outcome ?? 'continuing';
}
