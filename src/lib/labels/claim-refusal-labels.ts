import type { ClaimTransitionRefusal } from '$lib/domain/jukyo-claim/claim-status';
import type { MessageKey } from '$lib/i18n/translate';

/** Why a claim cannot move from its status (claims board, insurer payment). */

export const CLAIM_REFUSAL_LABELS: Record<ClaimTransitionRefusal, MessageKey> = {
	not_allowed: 'claimStatus.error.not_allowed',
	blocked: 'claimStatus.error.blocked',
	changed: 'claimStatus.error.changed',
	too_early: 'claimStatus.error.too_early',
	future: 'claimStatus.error.future',
	before_submission: 'claimStatus.error.before_submission',
	reason_required: 'claimStatus.error.reason_required'
};
