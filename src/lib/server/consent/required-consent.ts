import { intakeConsentProblem, sessionConsentProblem } from '../../domain/consent/required-consent';
import type { Db } from '../db/database';
import { selectDocuments, selectSignatures } from './consent-repository';

/*
 * The consent gates of docs/clinical-rules.md §6, read from the database: the intake's health
 * answers need a current privacy consent, a session a current treatment consent (signed, or taken
 * aloud at the desk). Called inside the caller's transaction, so the answer and the action it
 * guards see the same rows.
 */

/** Why the intake may not take this patient's health answers; null when it may. */
export async function intakeConsentProblemOf(db: Db, patientId: string): Promise<'no_privacy_consent' | null> {
	const [documents, signatures] = await Promise.all([selectDocuments(db), selectSignatures(db, patientId)]);
	return intakeConsentProblem(documents, signatures);
}

/** Why a session may not start for this patient; null when it may. */
export async function sessionConsentProblemOf(db: Db, patientId: string): Promise<'no_treatment_consent' | null> {
	const [documents, signatures] = await Promise.all([selectDocuments(db), selectSignatures(db, patientId)]);
	return sessionConsentProblem(documents, signatures);
}

/** For the session start form: whether the treatment consent is current, and the version to agree to. */
export async function treatmentConsentState(db: Db, patientId: string): Promise<{ current: boolean; version: number | null }> {
	const [documents, signatures] = await Promise.all([selectDocuments(db), selectSignatures(db, patientId)]);
	const versions = documents.filter((d) => d.kind === 'treatment').map((d) => d.version);
	return { current: sessionConsentProblem(documents, signatures) === null, version: versions.length > 0 ? Math.max(...versions) : null };
}
