import type { ClaimStatus } from '$lib/domain/jukyo-claim/claim-status';
import type { MessageKey } from '$lib/i18n/translate';

/** A 療養費 claim's status on the claims board. */

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, MessageKey> = {
	draft: 'claimStatus.status.draft',
	ready: 'claimStatus.status.ready',
	submitted: 'claimStatus.status.submitted',
	returned: 'claimStatus.status.returned',
	paid: 'claimStatus.status.paid'
};
