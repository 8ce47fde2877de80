import type { MessageKey } from '$lib/i18n/translate';
import type { Payer } from '$lib/domain/billing/charges';

/** Who pays a charge. */

export const PAYER_LABELS: Record<Payer, MessageKey> = {
	self_pay: 'billing.payer.self_pay',
	insurance: 'billing.payer.insurance'
};
