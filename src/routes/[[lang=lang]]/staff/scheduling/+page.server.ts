import { formatDay } from '$lib/format';
import { translator } from '$lib/i18n/translate';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { addClosure } from '$lib/server/scheduling-settings/add-closure';
import { loadClinicCalendar } from '$lib/server/scheduling-settings/clinic-calendar';
import { removeClosure } from '$lib/server/scheduling-settings/remove-closure';
import { ZAddClosureSchema, ZBookingRulesSchema, ZClosureDateSchema, ZHolidayOpeningSchema, ZWeekHoursSchema } from '$lib/server/scheduling-settings/schemas';
import { setHolidayOpening } from '$lib/server/scheduling-settings/set-holiday-opening';
import { setOpeningHours } from '$lib/server/scheduling-settings/set-opening-hours';
import { updateBookingRules } from '$lib/server/scheduling-settings/update-booking-rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ calendar: await loadClinicCalendar(locals.db) });

export const actions: Actions = {
	rules: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZBookingRulesSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await updateBookingRules(event.locals.db, form.data, actorFrom(event));
		if (!result.ok) return formFailure(422, form.values, {});
		return { done: 'rules', notice: t('scheduling.saved') };
	},
	hours: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZWeekHoursSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await setOpeningHours(event.locals.db, form.data, actorFrom(event));
		if (!result.ok) return formFailure(422, form.values, {});
		return { done: 'hours', notice: t('scheduling.saved') };
	},
	addClosure: async (event) => {
		const { locale } = event.locals;
		const t = translator(locale);
		const form = await parseForm(event.request, ZAddClosureSchema, locale);
		if (!form.ok) return form.failure;
		const result = await addClosure(event.locals.db, form.data, actorFrom(event));
		if (!result.ok) {
			const message = result.code === 'already_closed' ? t('scheduling.error.alreadyClosed') : t('scheduling.error.pastDate');
			return formFailure(result.code === 'already_closed' ? 409 : 422, form.values, { date: message });
		}
		return {
			done: 'closures',
			notice: t('scheduling.closures.added', { date: formatDay(form.data.date, locale) }),
			warning: result.bookedAppointments > 0 ? t('scheduling.bookedOnDay', { count: result.bookedAppointments }) : undefined
		};
	},
	removeClosure: async (event) => {
		const t = translator(event.locals.locale);
		const form = await parseForm(event.request, ZClosureDateSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		const result = await removeClosure(event.locals.db, form.data.date, actorFrom(event));
		if (!result.ok) return formFailure(404, form.values, {}, t('scheduling.error.notFound'));
		return { done: 'closures', notice: t('scheduling.closures.removed') };
	},
	holiday: async (event) => {
		const { locale } = event.locals;
		const t = translator(locale);
		const form = await parseForm(event.request, ZHolidayOpeningSchema, locale);
		if (!form.ok) return form.failure;
		const result = await setHolidayOpening(event.locals.db, form.data, actorFrom(event));
		if (!result.ok) {
			return formFailure(422, form.values, {}, result.code === 'not_a_holiday' ? t('scheduling.error.notAHoliday') : t('scheduling.error.pastDate'));
		}
		const date = formatDay(form.data.date, locale);
		return {
			done: 'holidays',
			notice: form.data.open ? t('scheduling.holidays.opened', { date }) : t('scheduling.holidays.closedAgain', { date }),
			warning: result.bookedAppointments > 0 ? t('scheduling.bookedOnDay', { count: result.bookedAppointments }) : undefined
		};
	}
};
