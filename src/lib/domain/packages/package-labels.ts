import type { MessageKey } from '$lib/i18n/translate';
import type { FeeCap } from './refund';

/** What capped a refund's fee, as the refund receipt says it: a typed label map (issue #21). */
export const FEE_CAP_LABELS: Record<FeeCap, MessageKey> = {
	requested: 'packages.refund.cap.requested',
	average_damage: 'packages.refund.cap.average_damage',
	guide_ceiling_yen: 'packages.refund.cap.guide_ceiling_yen',
	guide_ceiling_percent: 'packages.refund.cap.guide_ceiling_percent',
	money_held: 'packages.refund.cap.money_held'
};
