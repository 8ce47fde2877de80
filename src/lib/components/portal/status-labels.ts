import type { MessageKey } from '$lib/i18n/translate';
import type { AppointmentStatus } from '$lib/server/db/schema';

/** A visit's status as the patient reads it (the staff's words are in code-labels.ts): a typed label map (issue #21). */
export const PORTAL_STATUS_LABELS: Record<AppointmentStatus, MessageKey> = {
	booked: 'book.status.booked',
	arrived: 'book.status.arrived',
	completed: 'book.status.completed',
	no_show: 'book.status.no_show',
	cancelled: 'book.status.cancelled',
	blocked: 'book.status.blocked'
};
