import { loadToday } from '$lib/server/console/load-today';
import { loadJukyoRegistration } from '$lib/server/jukyo/registration';
import { roleMayOpen } from '$lib/server/http/route-access';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { statusAction } from './schedule/schedule-actions';

export const load: PageServerLoad = async (event) => {
	const staff = event.locals.session!.staff;
	const today = await loadToday(event.locals.db, { actor: actorFrom(event), role: staff.role });
	// Insurers stop 受領委任 for a clinic without online eligibility checks (docs/jukyo-inin.md §3): the owner is told.
	const onlineEligibilityMissing = staff.role === 'owner' && (await loadJukyoRegistration(event.locals.db)).registration.onlineEligibilityFrom === null;
	return {
		...today,
		onlineEligibilityMissing,
		now: event.locals.db.clock.now().getTime(),
		totpEnabled: staff.totp_enabled === 1,
		mayCharge: roleMayOpen('/[[lang=lang]]/staff/billing/appointments/[appointmentId]', staff.role)
	};
};

/** "Arrived" at the door: the schedule's own action, so the same rule and audit apply. */
export const actions: Actions = {
	status: statusAction
};
