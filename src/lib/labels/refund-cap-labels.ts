import type { FeeCap } from '$lib/domain/packages/refund';
import type { MessageKey } from '$lib/i18n/translate';

/** What capped the fee kept on a course refund. */

export const REFUND_CAP_LABELS: Record<FeeCap, MessageKey> = {
	requested: 'packages.refund.cap.requested',
	average_damage: 'packages.refund.cap.average_damage',
	guide_ceiling_yen: 'packages.refund.cap.guide_ceiling_yen',
	guide_ceiling_percent: 'packages.refund.cap.guide_ceiling_percent',
	money_held: 'packages.refund.cap.money_held'
};
