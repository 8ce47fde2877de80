import type { ClaimActionType } from '$lib/domain/jukyo-claim/claim-status';
import type { MessageKey } from '$lib/i18n/translate';

/** The buttons that move a claim on the claims board (`pay` has its own form). */

export const CLAIM_ACTION_LABELS: Record<Exclude<ClaimActionType, 'pay'>, MessageKey> = {
	mark_ready: 'claimStatus.action.mark_ready',
	reopen: 'claimStatus.action.reopen',
	submit: 'claimStatus.action.submit',
	return: 'claimStatus.action.return'
};
