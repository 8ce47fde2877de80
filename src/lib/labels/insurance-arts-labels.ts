import type { InsuranceArts } from '$lib/domain/billing/billing-config';
import type { MessageKey } from '$lib/i18n/translate';

/** はり or きゅう alone, or both, as the desk names it. */

export const DESK_ARTS_LABELS: Record<InsuranceArts, MessageKey> = {
	single: 'billing.desk.arts.single',
	combined: 'billing.desk.arts.combined'
};
