import { japaneseHoliday } from '../../domain/clinic/holidays';
import type { BookingRules, BusyInterval, PractitionerSchedule, ServiceSpec } from '../../domain/scheduling/availability';
import { rulesForService } from '../../domain/scheduling/booking-controls';
import { addDays, datesBetween } from '../../domain/time';
import { LONGEST_HOLD_MINUTES } from '../../domain/scheduling/settings-rules';
import type { Db } from '../db/database';
import {
	findService,
	listActiveWorkingHours,
	listBedIds,
	listPractitionerServices,
	listServices,
	listTimeOffEndingAfter,
	listTimeOffOverlapping,
	listWeeklyOpeningHours,
	specialDaysBetween
} from '../scheduling-settings/settings-repository';
import type { Clinic, PractitionerTimeOffTable, Service } from '../db/schema';
import type { Selectable } from 'kysely';
import { getClinic } from '../clinic/clinic-repository';

export interface ScheduleInputs {
	rules: BookingRules;
	cancellationCutoffHours: number;
	service: ServiceSpec;
	practitioners: PractitionerSchedule[];
	bedIds: string[];
	busy: BusyInterval[];
}

export { findService };

/** The clinic's standing schedule: what changes only when the owner edits the settings. */
export interface ScheduleConfig {
	/** With the booking controls and reminder hours, so a booking reads the clinic row once. */
	clinic: Pick<
		Clinic,
		| 'time_zone'
		| 'slot_step_minutes'
		| 'min_notice_minutes'
		| 'horizon_days'
		| 'cancellation_cutoff_hours'
		| 'approve_new_patients'
		| 'max_upcoming_visits'
		| 'reminder_hours_mail'
		| 'reminder_hours_line'
	>;
	hours: Array<{ weekday: number; opens: string; closes: string }>;
	workingHours: Array<{ practitioner_id: string; weekday: number; starts: string; ends: string; concurrent_patients: number }>;
	services: Array<{ practitioner_id: string; service_id: string }>;
	beds: Array<{ id: string }>;
	/** Every service as stored, so a read of the schedule needs no second look-up for its service. */
	serviceRows: Service[];
	/**
	 * Closures, opened holidays and time off from yesterday on, when read with the standing schedule
	 * for pages that only show availability (schedule-config-cache.ts); bookings read them afresh.
	 */
	calendar?: ScheduleCalendar;
}

export interface ScheduleCalendar {
	/** The first clinic-local day covered: ranges starting earlier read the tables. */
	from: string;
	specialDays: Array<{ date: string; kind: string }>;
	timeOff: Array<Selectable<PractitionerTimeOffTable>>;
}

/** The calendar from `from` on (small tables: a clinic's future closures and time off). */
export async function loadScheduleCalendar(db: Db, from: string): Promise<ScheduleCalendar> {
	const [specialDays, timeOff] = await Promise.all([specialDaysBetween(db, from, null), listTimeOffEndingAfter(db, `${addDays(from, -1)}T00:00:00.000Z`)]);
	return { from, specialDays, timeOff };
}

export async function loadScheduleConfig(db: Db): Promise<ScheduleConfig> {
	const [clinic, hours, workingHours, services, beds, serviceRows] = await Promise.all([
		getClinic(db),
		listWeeklyOpeningHours(db),
		// Only active practitioners with working hours can have a slot.
		listActiveWorkingHours(db),
		listPractitionerServices(db),
		listBedIds(db),
		listServices(db)
	]);
	return { clinic, hours, workingHours, services, beds, serviceRows };
}

/**
 * Everything the pure availability rule needs for clinic-local days `from`..`to`. A caller that
 * only shows availability may pass a recently read `config`; a booking always reads it afresh.
 */
export async function loadScheduleInputs(db: Db, service: Service, from: string, to: string, config?: ScheduleConfig): Promise<ScheduleInputs> {
	// Appointments are read one day wider on each side so every time zone offset is covered.
	const rangeStart = `${addDays(from, -1)}T00:00:00.000Z`;
	const rangeEnd = `${addDays(to, 2)}T00:00:00.000Z`;
	// A calendar read with the cached schedule covers any range from its first day on.
	const calendar = config?.calendar && config.calendar.from <= from ? config.calendar : undefined;
	const [{ clinic, hours, workingHours, services, beds }, specialDays, timeOff, appointments] = await Promise.all([
		config ?? loadScheduleConfig(db),
		calendar ? calendar.specialDays.filter((d) => d.date >= from && d.date <= to) : specialDaysBetween(db, from, to),
		calendar ? calendar.timeOff.filter((t) => t.starts_at < rangeEnd && t.ends_at > rangeStart) : listTimeOffOverlapping(db, rangeStart, rangeEnd),
		db.kysely
			.selectFrom('appointment')
			.select(['practitioner_id', 'bed_id', 'starts_at', 'held_until', 'status', 'released_from'])
			.where('status', '!=', 'cancelled')
			// Nothing holds a resource longer than LONGEST_HOLD_MINUTES, so years of past visits stay out of the scan.
			.where('starts_at', '>', new Date(Date.parse(rangeStart) - LONGEST_HOLD_MINUTES * 60_000).toISOString())
			.where('starts_at', '<', rangeEnd)
			.where('held_until', '>', rangeStart)
			.execute()
	]);
	const opened = new Set(specialDays.filter((d) => d.kind === 'opened').map((d) => d.date));
	const closures = specialDays.filter((d) => d.kind === 'closed');
	const capacityOf = new Map(workingHours.map((h) => [h.practitioner_id, h.concurrent_patients]));
	const practitioners = [...capacityOf.keys()].map((id) => ({ id }));
	const holidays = datesBetween(from, to).filter((d) => japaneseHoliday(d) && !opened.has(d));
	const busy: BusyInterval[] = [];
	for (const a of appointments) {
		// A no-show holds its time only until the desk marked it (issue #17): the rest is free.
		const end = a.released_from === null ? Date.parse(a.held_until) : Math.min(Date.parse(a.held_until), Date.parse(a.released_from));
		const interval = { start: Date.parse(a.starts_at), end };
		if (interval.end <= interval.start) continue;
		busy.push({ resource: { kind: 'practitioner', id: a.practitioner_id }, ...interval, ...(a.status === 'blocked' ? { whole: true } : {}) });
		if (a.bed_id) busy.push({ resource: { kind: 'bed', id: a.bed_id }, ...interval });
	}
	return {
		// A service's own notice and horizon replace the clinic's, for availability and booking alike (issue #17).
		rules: rulesForService(
			{
				timeZone: clinic.time_zone,
				slotStepMinutes: clinic.slot_step_minutes,
				minNoticeMinutes: clinic.min_notice_minutes,
				horizonDays: clinic.horizon_days,
				openingHours: hours.map((h) => ({ weekday: h.weekday, start: h.opens, end: h.closes })),
				closedDates: [...closures.map((c) => c.date), ...holidays]
			},
			{ minNoticeMinutes: service.min_notice_minutes, horizonDays: service.horizon_days }
		),
		cancellationCutoffHours: clinic.cancellation_cutoff_hours,
		service: { id: service.id, durationMinutes: service.duration_minutes, bufferMinutes: service.buffer_minutes, needsBed: service.needs_bed === 1 },
		practitioners: practitioners.map((p) => ({
			id: p.id,
			workingHours: workingHours.filter((h) => h.practitioner_id === p.id).map((h) => ({ weekday: h.weekday, start: h.starts, end: h.ends })),
			timeOff: timeOff.filter((t) => t.practitioner_id === p.id).map((t) => ({ start: Date.parse(t.starts_at), end: Date.parse(t.ends_at) })),
			serviceIds: services.filter((s) => s.practitioner_id === p.id).map((s) => s.service_id),
			capacity: capacityOf.get(p.id) ?? 1
		})),
		bedIds: beds.map((b) => b.id),
		busy
	};
}
