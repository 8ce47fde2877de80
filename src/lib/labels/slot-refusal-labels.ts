import type { MessageKey } from '$lib/i18n/translate';
import type { SlotRefusal } from '$lib/domain/scheduling/slot-refusal';

/** Why the time a patient chose can no longer be booked. */

export const SLOT_REFUSAL_LABELS: Record<SlotRefusal, MessageKey> = {
	taken: 'bookingPages.refused.taken',
	closed: 'bookingPages.refused.closed',
	past: 'bookingPages.refused.past',
	outside_window: 'bookingPages.refused.outside_window'
};
