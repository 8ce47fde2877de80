import type { DeskStatus } from '$lib/domain/console/desk-day';
import type { MessageKey } from '$lib/i18n/translate';

/** A visit's state on the desk console. */

export const DESK_STATUS_LABELS: Record<DeskStatus, MessageKey> = {
	booked: 'console.status.booked',
	confirmed: 'console.status.confirmed',
	arrived: 'console.status.arrived',
	in_treatment: 'console.status.in_treatment',
	done: 'console.status.done',
	unpaid: 'console.status.unpaid',
	no_show: 'console.status.no_show'
};
