import type { ClaimOutcome } from '$lib/domain/jukyo-claim/claim-input';
import type { MessageKey } from '$lib/i18n/translate';

/** A claim's 転帰. */

export const CLAIM_OUTCOME_LABELS: Record<ClaimOutcome, MessageKey> = {
	continuing: 'claimOutcome.outcome.continuing',
	cured: 'claimOutcome.outcome.cured',
	stopped: 'claimOutcome.outcome.stopped',
	transferred: 'claimOutcome.outcome.transferred'
};
