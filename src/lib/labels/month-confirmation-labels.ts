import type { ClaimSignature, MonthConfirmationState } from '$lib/domain/jukyo-claim/month-confirmation';
import type { MessageKey } from '$lib/i18n/translate';

/** The patient's confirmation of a month's visits: its state and how it was signed. */

export const CONFIRMATION_STATE_LABELS: Record<MonthConfirmationState<unknown>['state'], MessageKey> = {
	signed: 'claimStatus.confirm.state.signed',
	unsigned: 'claimStatus.confirm.state.unsigned',
	changed: 'claimStatus.confirm.state.changed'
};

export const SIGNATURE_KIND_LABELS: Record<ClaimSignature['signatureKind'], MessageKey> = {
	drawn: 'claimStatus.confirm.how.drawn',
	typed: 'claimStatus.confirm.how.typed'
};
