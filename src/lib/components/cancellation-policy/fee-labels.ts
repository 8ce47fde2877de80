import type { MessageKey } from '$lib/i18n/translate';
import type { CancellationFeeKind } from '$lib/server/db/schema-cancellation-recall';

/**
 * A cancellation fee's kind in words (issue #21: a typed label map, so a new kind without words is
 * a type error); the desk, the fee page and the charge the fee becomes all name it so.
 */
export const CANCELLATION_FEE_KIND_LABELS: Record<CancellationFeeKind, MessageKey> = {
	late_cancellation: 'cancellationPolicy.fee.kind.late_cancellation',
	no_show: 'cancellationPolicy.fee.kind.no_show'
};
