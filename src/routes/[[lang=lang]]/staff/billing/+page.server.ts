import { error } from '@sveltejs/kit';
import { isCalendarDate } from '$lib/domain/time';
import { addDays } from '$lib/domain/time';
import { translate } from '$lib/i18n/translate';
import { mayHandleMoney } from '$lib/server/billing/desk-access';
import { deskToday, listChargesOfDay } from '$lib/server/billing/list-charges';
import { deskViewer } from './desk-form';
import type { PageServerLoad } from './$types';

/** The charges of one day (today by default); a practitioner sees only those of the visits they treated. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const viewer = deskViewer(locals);
	const asked = url.searchParams.get('date');
	if (asked !== null && !isCalendarDate(asked)) error(400, translate(locals.locale, 'billing.error.date'));
	const today = await deskToday(locals.db);
	const date = asked ?? today;
	return {
		date,
		today,
		previous: addDays(date, -1),
		next: addDays(date, 1),
		charges: await listChargesOfDay(locals.db, date, viewer),
		isDesk: mayHandleMoney(viewer)
	};
};
