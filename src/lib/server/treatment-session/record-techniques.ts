import { allowedTechniques, refusesCupping, unlicensedTechniques, type Technique } from '../../domain/clinical/session-rules';
import type { AuditActor } from '../audit/audit-log';
import { offersCupping } from '../clinic/treatment-settings';
import type { Db } from '../db/database';
import { editSession, type SessionEditResult } from './edit-session';
import { fieldCodesFrom, type SessionFieldCodes } from './field-codes';
import { acknowledgementReasons, TECHNIQUE_FIELDS, ZTechniquesSchema } from './schemas';
import { licencesOf, updateSession } from './session-repository';
import { guardSessionChange, sessionTreatment } from './session-safety';

const LICENCE_MESSAGE: Record<Technique, string> = {
	needling: 'treatmentSession.error.needleTopNeedsHari',
	electroacupuncture: 'treatmentSession.error.eaNeedsHari',
	moxibustion: 'treatmentSession.error.moxaNeedsKyu',
	cupping: 'treatmentSession.error.cuppingNotAllowed'
};

/**
 * Electroacupuncture, moxibustion and cupping as used in the session. Only what the session
 * practitioner's licences cover is accepted (docs/clinical-rules.md §6); cupping follows the clinic policy of
 * session-rules.ts (any licensed practitioner by default), and while the clinic does not offer it
 * (settings), no new or changed cupping is accepted. The techniques are checked against the
 * patient's current alerts and the points' cautions (docs/clinical-rules.md §2, §3):
 * electroacupuncture for a pacemaker wearer, direct moxibustion at BL40. A conflict new to this
 * session needs a reason (`ack.<key>`), or nothing is saved.
 */
export async function recordTechniques(
	db: Db,
	patientId: string,
	sessionId: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	now?: Date
): Promise<SessionEditResult> {
	const parsed = ZTechniquesSchema.safeParse(input);
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldCodesFrom(parsed.error) };
	const techniques = parsed.data;
	const { reasons, fields: reasonFields } = acknowledgementReasons(input);
	if (Object.keys(reasonFields).length > 0) return { ok: false, code: 'invalid', fields: reasonFields };
	return editSession(db, patientId, sessionId, input, actor, { now }, async (tx, session, at) => {
		const refused = unlicensedTechniques(techniques, allowedTechniques(await licencesOf(tx, session.practitionerStaffId)));
		const fields: SessionFieldCodes = {};
		if (refusesCupping(await offersCupping(tx), session.techniques.cupping, techniques.cupping))
			fields[TECHNIQUE_FIELDS.cupping] = 'treatmentSession.error.cuppingNotOffered';
		for (const technique of refused) fields[TECHNIQUE_FIELDS[technique]] ??= LICENCE_MESSAGE[technique];
		if (Object.keys(fields).length > 0) return { ok: false, code: 'invalid', fields };
		const care = { before: sessionTreatment(session.points, session.techniques), after: sessionTreatment(session.points, techniques) };
		const guarded = await guardSessionChange(tx, actor, session, care, reasons, at);
		if (!guarded.ok) return guarded;
		await updateSession(tx, sessionId, { techniques: JSON.stringify(techniques) });
		return {
			action: 'treatment_session.techniques',
			before: { ...session.techniques },
			after: { ...techniques },
			detail: { acknowledged: guarded.acknowledged }
		};
	});
}
