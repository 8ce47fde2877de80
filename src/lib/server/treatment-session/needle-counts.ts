/*
 * Needles inserted and removed (docs/clinical-rules.md §3). Counted while the session is open; once it is
 * closed the counts matched and stay as they were. Out never exceeds in: more needles out than in
 * is a miscount to be corrected at once, not later. Counting in needs はり師; counting out never
 * needs a licence, so a needle can always be accounted for.
 */
import { mayChangeNeedleCount } from '../../domain/clinical/session-rules';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { editSession, type SessionEditResult } from './edit-session';
import { fieldCodesFrom } from './field-codes';
import { ZNeedleCountsSchema, ZNeedleStepSchema } from './schemas';
import { licencesOf, updateSession } from './session-repository';

export const MAX_NEEDLES = 500;

async function saveCounts(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now: Date | undefined,
	next: (current: { needlesIn: number; needlesOut: number }) => { needlesIn: number; needlesOut: number },
	fieldFor: { in: string; out: string }
): Promise<SessionEditResult> {
	return editSession(db, patientId, sessionId, input, actor, { now, openOnly: true }, async (tx, session) => {
		const before = { needlesIn: session.needlesIn, needlesOut: session.needlesOut };
		const after = next(before);
		if (after.needlesIn < 0 || after.needlesIn > MAX_NEEDLES)
			return { ok: false, code: 'invalid', fields: { [fieldFor.in]: 'treatmentSession.error.countRange' } };
		if (after.needlesOut < 0 || after.needlesOut > MAX_NEEDLES)
			return { ok: false, code: 'invalid', fields: { [fieldFor.out]: 'treatmentSession.error.countRange' } };
		if (after.needlesOut > after.needlesIn) return { ok: false, code: 'invalid', fields: { [fieldFor.out]: 'treatmentSession.error.outBeyondIn' } };
		// A needle counted in is a needle inserted: only a はり師 does that (docs/clinical-rules.md §6).
		if (!mayChangeNeedleCount(await licencesOf(tx, session.practitionerStaffId), before, after)) {
			return { ok: false, code: 'invalid', fields: { [fieldFor.in]: 'treatmentSession.error.countNeedsHari' } };
		}
		await updateSession(tx, sessionId, { needles_in: after.needlesIn, needles_out: after.needlesOut });
		return { action: 'treatment_session.needles', before, after, detail: { needlesIn: after.needlesIn, needlesOut: after.needlesOut } };
	});
}

/** One tap on a + or − button: `counter` in|out, `step` 1|-1. */
export async function stepNeedleCount(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	const parsed = ZNeedleStepSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const { counter, step } = parsed.data;
	const field = counter === 'in' ? 'needlesIn' : 'needlesOut';
	return saveCounts(
		db,
		patientId,
		sessionId,
		input,
		actor,
		now,
		(c) => (counter === 'in' ? { ...c, needlesIn: c.needlesIn + step } : { ...c, needlesOut: c.needlesOut + step }),
		{ in: field, out: field }
	);
}

/** Both counts typed in at once. */
export async function setNeedleCounts(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	const parsed = ZNeedleCountsSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const counts = parsed.data;
	return saveCounts(db, patientId, sessionId, input, actor, now, () => counts, { in: 'needlesIn', out: 'needlesOut' });
}
