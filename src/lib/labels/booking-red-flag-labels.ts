import type { MessageKey } from '$lib/i18n/translate';
import type { RefusedLevel } from '$lib/domain/triage/booking-triage';

/** Why online booking stops at a red flag, by the level that stopped it. */

export const BOOKING_RED_FLAG_LABELS: Record<RefusedLevel, MessageKey> = {
	emergency: 'booking.redFlag.emergency',
	urgent: 'booking.redFlag.urgent'
};
