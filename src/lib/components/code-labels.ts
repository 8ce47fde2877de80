import type { TriageLevel } from '$lib/domain/triage/assess';
import type { MessageKey } from '$lib/i18n/translate';
import type { AppointmentStatus } from '$lib/server/db/schema';
import type { ScheduledAppointment } from '$lib/server/schedule/list-day';

/*
 * Typed label maps for what console pages show by code (issue #21): every
 * key is written out, so the type checker holds each code to a message and the build finds the
 * keys a page needs.
 */

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, MessageKey> = {
	booked: 'schedule.status.booked',
	arrived: 'schedule.status.arrived',
	completed: 'schedule.status.completed',
	no_show: 'schedule.status.no_show',
	cancelled: 'schedule.status.cancelled',
	blocked: 'schedule.status.blocked'
};

export const APPOINTMENT_SOURCE_LABELS: Record<ScheduledAppointment['source'], MessageKey> = {
	online: 'schedule.source.online',
	staff: 'schedule.source.staff',
	walk_in: 'schedule.source.walk_in',
	block: 'schedule.source.block'
};

export const SELF_CHECK_LABELS: Record<Exclude<TriageLevel, 'routine'>, MessageKey> = {
	see_doctor: 'schedule.selfCheck.see_doctor',
	urgent: 'schedule.selfCheck.urgent',
	emergency: 'schedule.selfCheck.emergency'
};

export const RED_FLAG_LABELS: Record<'emergency' | 'urgent', MessageKey> = {
	emergency: 'safety.redFlag.emergency',
	urgent: 'safety.redFlag.urgent'
};
