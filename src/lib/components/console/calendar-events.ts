import { localDate } from '../../domain/time';
import type { Locale } from '../../i18n/locales';
import { personName } from '../../domain/patients/person-name';
import { clockTime } from '../../format';
import type { ScheduledAppointment } from '../../server/schedule/list-day';
import { translate } from '../../i18n/translate';

/*
 * The schedule as the calendar component draws it. The calendar runs in UTC and is given the
 * clinic's wall-clock times without an offset ("floating"), so a desk computer set to another
 * time zone still shows and drops on the clinic's times.
 */

export interface CalendarEvent {
	id: string;
	resourceId?: string;
	start: string;
	end: string;
	title: string;
	editable: boolean;
	className: string[];
	extendedProps: { name: string; status: ScheduledAppointment['status'] };
}

/** 'YYYY-MM-DDTHH:MM:00' on the clinic's wall clock. */
export function wallClock(instant: string, timeZone: string): string {
	return `${localDate(Date.parse(instant), timeZone)}T${clockTime(instant, timeZone)}:00`;
}

/** The calendar's Date (UTC fields = wall clock) as the form's date and time. */
export function slotOf(date: Date): { date: string; time: string } {
	const iso = date.toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** A drop the page decides on: keep it (after the server agreed) or put the event back. */
export interface CalendarDrop {
	id: string;
	name: string;
	date: string;
	time: string;
	/** The column it was dropped in when that changed (a resource view). */
	resourceId?: string;
	/** A resize: the new end's wall-clock time (the visit's length changes); a plain drag keeps the length. */
	endTime?: string;
	revert: () => void;
}

const MOVABLE = new Set(['booked', 'arrived', 'blocked']);

export function calendarEvents(
	appointments: ScheduledAppointment[],
	options: { locale: Locale; timeZone: string; blockedLabel: string; resourceOf?: (a: ScheduledAppointment) => string }
): CalendarEvent[] {
	return appointments.map((a) => {
		const name = a.patient ? personName(a.patient, options.locale) : options.blockedLabel;
		// A new patient's booking awaiting the desk's approval says so (issue #17).
		const pending = a.pending ? `${translate(options.locale, 'deskFollowup.pendingShort')} · ` : '';
		return {
			id: a.id,
			...(options.resourceOf ? { resourceId: options.resourceOf(a) } : {}),
			start: wallClock(a.start, options.timeZone),
			end: wallClock(a.end, options.timeZone),
			title: a.patient ? `${pending}${name} · ${a.service?.name[options.locale] ?? ''}` : `${name}${a.note ? ` · ${a.note}` : ''}`,
			editable: MOVABLE.has(a.status),
			className: [`appt-${a.status}`, ...(a.pending ? ['appt-pending'] : [])],
			extendedProps: { name, status: a.status }
		};
	});
}
