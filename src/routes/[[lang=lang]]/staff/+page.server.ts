import { loadToday } from '$lib/server/console/load-today';
import { roleMayOpen } from '$lib/server/http/route-access';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { statusAction } from './schedule/schedule-actions';

export const load: PageServerLoad = async (event) => {
	const staff = event.locals.session!.staff;
	const today = await loadToday(event.locals.db, { actor: actorFrom(event), role: staff.role });
	return {
		...today,
		now: event.locals.db.clock.now().getTime(),
		totpEnabled: staff.totp_enabled === 1,
		mayCharge: roleMayOpen('/[[lang=lang]]/staff/billing/appointments/[appointmentId]', staff.role)
	};
};

/** "Arrived" at the door: the schedule's own action, so the same rule and audit apply. */
export const actions: Actions = {
	status: statusAction
};
