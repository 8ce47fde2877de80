import type { MessageKey } from '$lib/i18n/translate';
import type { PaymentMethod } from '$lib/domain/billing/payments';

/** How a patient paid. */

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, MessageKey> = {
	cash: 'billing.method.cash',
	card: 'billing.method.card',
	qr: 'billing.method.qr',
	bank_transfer: 'billing.method.bank_transfer'
};
