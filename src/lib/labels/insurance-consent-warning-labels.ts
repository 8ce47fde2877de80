import type { ConsentWarning } from '$lib/domain/billing/consent-warning';
import type { MessageKey } from '$lib/i18n/translate';

/** The chart's warning that a doctor's consent runs out. */

export const INSURANCE_CONSENT_WARNING_LABELS: Record<ConsentWarning['status'], MessageKey> = {
	expiring: 'insurance.chart.expiring',
	expired: 'insurance.chart.expired'
};
