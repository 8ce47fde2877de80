import type { DuplicateReason } from '$lib/domain/patients/duplicates';
import type { MessageKey } from '$lib/i18n/translate';

/** Why two patient records look like one person. */

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, MessageKey> = {
	email_and_birth_date: 'patientMerge.reason.email_and_birth_date',
	phone_and_name: 'patientMerge.reason.phone_and_name',
	kana_and_birth_date: 'patientMerge.reason.kana_and_birth_date'
};
