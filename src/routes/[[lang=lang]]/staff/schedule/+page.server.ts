import { addDays, localDate, localInstant, weekdayOf } from '$lib/domain/time';
import { roleMayOpen } from '$lib/server/http/route-access';
import { actorFrom } from '$lib/server/http/request-context';
import { loadScheduleResources } from '$lib/server/schedule/schedule-resources';
import { ZScheduleQuerySchema } from '$lib/server/schedule/schemas';
import { searchPatients } from '$lib/server/schedule/search-patients';
import { loadStaffSchedule } from '$lib/server/schedule/staff-schedule';
import { attendanceAction } from './attendance-action';
import { listSeriesVisitsOn } from '$lib/server/series/series-status';
import type { Actions, PageServerLoad } from './$types';
import { blockAction, cancelAction, createAction, moveAction, statusAction, useCourseAction } from './schedule-actions';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

const STEP_MS = 5 * 60_000;

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const query = ZScheduleQuerySchema.parse(Object.fromEntries(url.searchParams));
	const resources = await loadScheduleResources(locals.db);
	const { timeZone } = resources;
	const now = locals.db.clock.now().getTime();
	const today = localDate(now, timeZone);
	const date = query.date ?? today;
	const weekday = weekdayOf(date);
	const periods = resources.openingHours.filter((p) => p.weekday === weekday);
	const open = periods.map((p) => ({ start: localInstant(date, p.opens, timeZone), end: localInstant(date, p.closes, timeZone) }));
	// A walk-in today starts at the next 5 minutes; another day at opening time.
	const suggested = date === today ? Math.ceil(now / STEP_MS) * STEP_MS : (open[0]?.start ?? localInstant(date, '09:00', timeZone));
	const staff = locals.session!.staff;
	const viewer = { actor: actorFrom(event), role: staff.role };
	return {
		date,
		today,
		previous: addDays(date, -1),
		next: addDays(date, 1),
		view: query.view ?? 'practitioner',
		timeZone,
		open,
		suggestedStart: suggested,
		practitioners: resources.practitioners,
		beds: resources.beds,
		services: resources.services,
		appointments: await loadStaffSchedule(locals.db, date, date, timeZone, viewer),
		seriesVisits: await listSeriesVisitsOn(locals.db, date, timeZone),
		q: query.q ?? '',
		matches: query.q ? await searchPatients(locals.db, query.q, viewer.actor) : [],
		moveId: query.move ?? null,
		// A slot clicked in the week's calendar opens this day with the booking form filled.
		preset: query.time ? { date, time: query.time, practitionerId: query.practitioner ?? '', bedId: query.bed ?? '' } : null,
		cancelId: query.cancel ?? null,
		mayUseFeed: staff.role === 'owner' || staff.role === 'practitioner',
		mayCharge: roleMayOpen('/[[lang=lang]]/staff/billing/appointments/[appointmentId]', staff.role)
	};
};

async function clinicTimeZone(locals: App.Locals): Promise<string> {
	return await recentClinicTimeZone(locals.db);
}

export const actions: Actions = {
	create: async (event) => createAction(event, await clinicTimeZone(event.locals)),
	block: async (event) => blockAction(event, await clinicTimeZone(event.locals)),
	move: async (event) => moveAction(event, await clinicTimeZone(event.locals)),
	status: statusAction,
	cancel: cancelAction,
	attendance: attendanceAction,
	// VisitCourseChoice posts name="appointmentId" and name="saleId".
	useCourse: useCourseAction
};
