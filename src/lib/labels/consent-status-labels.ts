import type { ConsentStatus } from '$lib/domain/consent/status';
import type { MessageKey } from '$lib/i18n/translate';

/** Where a patient stands on a consent. */

export const CONSENT_STATUS_LABELS: Record<ConsentStatus, MessageKey> = {
	current: 'consent.status.current',
	outdated: 'consent.status.outdated',
	declined: 'consent.status.declined',
	missing: 'consent.status.missing'
};
