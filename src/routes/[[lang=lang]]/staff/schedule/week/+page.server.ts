import { japaneseHoliday } from '$lib/domain/clinic/holidays';
import { addDays, datesBetween, localDate, weekdayOf } from '$lib/domain/time';
import { actorFrom } from '$lib/server/http/request-context';
import { loadStaffSchedule } from '$lib/server/schedule/staff-schedule';
import { loadScheduleResources } from '$lib/server/schedule/schedule-resources';
import { ZScheduleQuerySchema } from '$lib/server/schedule/schemas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const query = ZScheduleQuerySchema.parse(Object.fromEntries(url.searchParams));
	const resources = await loadScheduleResources(locals.db);
	const { timeZone } = resources;
	const today = localDate(locals.db.clock.now().getTime(), timeZone);
	const date = query.date ?? today;
	// Weeks start on Monday, as the clinic's opening hours are listed.
	const monday = addDays(date, -((weekdayOf(date) + 6) % 7));
	const sunday = addDays(monday, 6);
	return {
		date,
		today,
		previous: addDays(monday, -7),
		next: addDays(monday, 7),
		timeZone,
		days: datesBetween(monday, sunday).map((day) => ({
			date: day,
			open: resources.openingHours.some((p) => p.weekday === weekdayOf(day)),
			holiday: japaneseHoliday(day)?.name ?? null
		})),
		// The calendar spans the earliest opening to the latest closing of the week.
		hours: weekHours(resources.openingHours),
		practitioners: resources.practitioners.map((p) => ({ id: p.id, name: p.name })),
		appointments: await loadStaffSchedule(locals.db, monday, sunday, timeZone, { actor: actorFrom(event), role: locals.session!.staff.role })
	};
};

function weekHours(periods: Array<{ opens: string; closes: string }>): { min: string; max: string } {
	if (periods.length === 0) return { min: '09:00:00', max: '19:00:00' };
	const opens = periods.map((p) => p.opens).sort()[0]!;
	const closes = periods
		.map((p) => p.closes)
		.sort()
		.at(-1)!;
	return { min: `${opens.slice(0, 5)}:00`, max: `${closes.slice(0, 5)}:00` };
}
