import type { MessageKey } from '$lib/i18n/translate';

/** The contact details a merge chooses between. */

export const MERGE_CONTACT_LABELS: Record<'email' | 'phone' | 'address', MessageKey> = {
	email: 'patientMerge.contactLegend.email',
	phone: 'patientMerge.contactLegend.phone',
	address: 'patientMerge.contactLegend.address'
};
