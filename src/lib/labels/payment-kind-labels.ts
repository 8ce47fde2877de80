import type { MessageKey } from '$lib/i18n/translate';
import type { PaymentKind } from '$lib/domain/billing/payments';

/** Money in or money back at the desk. */

export const PAYMENT_KIND_LABELS: Record<PaymentKind, MessageKey> = {
	payment: 'billing.desk.kind.payment',
	refund: 'billing.desk.kind.refund'
};
