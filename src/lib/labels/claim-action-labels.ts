import type { ClaimActionType } from '$lib/domain/jukyo-claim/claim-status';
import type { MessageKey } from '$lib/i18n/translate';

/** The buttons that move a claim on the claims board (`pay` and `reverse_payment` have their own forms). */

export const CLAIM_ACTION_LABELS: Record<Exclude<ClaimActionType, 'pay' | 'reverse_payment'>, MessageKey> = {
	mark_ready: 'claimStatus.action.mark_ready',
	reopen: 'claimStatus.action.reopen',
	submit: 'claimStatus.action.submit',
	return: 'claimStatus.action.return'
};
