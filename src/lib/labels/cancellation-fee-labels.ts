import type { CancellationFeeKind } from '$lib/server/db/schema-cancellation-recall';
import type { MessageKey } from '$lib/i18n/translate';

/** A cancellation fee: late cancellation or no-show. */

export const CANCELLATION_FEE_KIND_LABELS: Record<CancellationFeeKind, MessageKey> = {
	late_cancellation: 'cancellationPolicy.fee.kind.late_cancellation',
	no_show: 'cancellationPolicy.fee.kind.no_show'
};
