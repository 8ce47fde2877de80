import type { ConsentValidityStatus } from '$lib/domain/billing/doctor-consent-validity';
import type { DoctorConsentTable } from '$lib/server/db/schema-billing';
import type { MessageKey } from '$lib/i18n/translate';

/** A doctor's consent: first or renewed, and whether it is valid. */

export const DOCTOR_CONSENT_KIND_LABELS: Record<DoctorConsentTable['kind'], MessageKey> = {
	initial: 'billing.consentKind.initial',
	renewal: 'billing.consentKind.renewal'
};

export const DOCTOR_CONSENT_STATUS_LABELS: Record<ConsentValidityStatus, MessageKey> = {
	not_started: 'billing.consentStatus.not_started',
	valid: 'billing.consentStatus.valid',
	expiring: 'billing.consentStatus.expiring',
	expired: 'billing.consentStatus.expired'
};
