import { allowedTechniques, unlicensedTechniques, type Technique } from '../../domain/clinical/session-rules';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { editSession, type SessionEditResult } from './edit-session';
import { fieldCodesFrom, type SessionFieldCodes } from './field-codes';
import { TECHNIQUE_FIELDS, ZTechniquesSchema } from './schemas';
import { licencesOf } from './session-repository';

const LICENCE_MESSAGE: Record<Technique, string> = {
	needling: 'treatmentSession.error.needleTopNeedsHari',
	electroacupuncture: 'treatmentSession.error.eaNeedsHari',
	moxibustion: 'treatmentSession.error.moxaNeedsKyu',
	cupping: 'treatmentSession.error.cuppingNotAllowed'
};

/**
 * Electroacupuncture, moxibustion and cupping as used in the session. Only what the session
 * practitioner's licences cover is accepted (REFERENCE §6); cupping follows the clinic policy of
 * session-rules.ts (any licensed practitioner by default).
 */
export async function recordTechniques(db: Db, patientId: string, sessionId: string, input: Record<string, unknown>, actor: AuditActor, now?: Date): Promise<SessionEditResult> {
	const parsed = ZTechniquesSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const techniques = parsed.data;
	return editSession(db, patientId, sessionId, input, actor, { now }, async (tx, session) => {
		const refused = unlicensedTechniques(techniques, allowedTechniques(await licencesOf(tx, session.practitionerStaffId)));
		if (refused.length > 0) {
			const fields: SessionFieldCodes = {};
			for (const technique of refused) fields[TECHNIQUE_FIELDS[technique]] ??= LICENCE_MESSAGE[technique];
			return { ok: false, code: 'invalid', fields };
		}
		await tx.kysely.updateTable('treatment_session').set({ techniques: JSON.stringify(techniques) }).where('id', '=', sessionId).execute();
		return {
			action: 'treatment_session.techniques',
			before: { ...session.techniques },
			after: { ...techniques }
		};
	});
}
