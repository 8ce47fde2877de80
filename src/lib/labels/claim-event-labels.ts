import type { ClaimEventKind } from '$lib/domain/jukyo-claim/claim-status';
import type { MessageKey } from '$lib/i18n/translate';

/** An event in a claim version's history (`ready` is written with its version). */

export const CLAIM_EVENT_LABELS: Record<ClaimEventKind, MessageKey> = {
	submitted: 'claimStatus.board.event.submitted',
	returned: 'claimStatus.board.event.returned',
	reopened: 'claimStatus.board.event.reopened',
	paid: 'claimStatus.board.event.paid'
};
