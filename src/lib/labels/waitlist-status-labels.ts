import type { MessageKey } from '$lib/i18n/translate';
import type { WaitlistEntryTable } from '$lib/server/db/schema-waitlist';

/** A waitlist entry's state. */

export const WAITLIST_STATUS_LABELS: Record<WaitlistEntryTable['status'], MessageKey> = {
	waiting: 'waitlist.status.waiting',
	booked: 'waitlist.status.booked',
	left: 'waitlist.status.left'
};
