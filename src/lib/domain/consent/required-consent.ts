import type { ConsentKind } from './kinds';
import { hasCurrentConsent, type ConsentDocumentVersion, type ConsentSignatureFact } from './status';

/*
 * Where a consent must be in place before the action (docs/clinical-rules.md §6). Health answers
 * are 要配慮個人情報 under the APPI: the intake accepts none without the patient's current privacy
 * consent. Treatment needs informed consent: a session starts only with a current treatment
 * consent, signed or agreed aloud at the desk and recorded with who took it. One rule per action,
 * called wherever the action happens (portal, console, API).
 */

export type ConsentProblem = 'no_privacy_consent' | 'no_treatment_consent';

/** Why the intake may not take health answers from this patient now; null when it may. */
export function intakeConsentProblem(documents: readonly ConsentDocumentVersion[], signatures: readonly ConsentSignatureFact[]): 'no_privacy_consent' | null {
	return hasCurrentConsent('privacy', documents, signatures) ? null : 'no_privacy_consent';
}

/** Why a session may not start for this patient now; null when it may. */
export function sessionConsentProblem(
	documents: readonly ConsentDocumentVersion[],
	signatures: readonly ConsentSignatureFact[]
): 'no_treatment_consent' | null {
	return hasCurrentConsent('treatment', documents, signatures) ? null : 'no_treatment_consent';
}

/**
 * Only the treatment consent may be taken aloud at the desk: the privacy consent to health data is
 * given by the patient themself, in writing (the portal, the desk's tablet, or the booking form).
 */
export function mayTakeVerbally(kind: ConsentKind): boolean {
	return kind === 'treatment';
}
