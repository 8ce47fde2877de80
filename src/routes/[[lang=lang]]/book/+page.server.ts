import { fail, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { createBooking } from '$lib/server/booking/create-booking';
import { explainRefusal } from '$lib/server/booking/explain-refusal';
import { checkPolicyTick } from '$lib/server/cancellation-policy/booking-tick';
import { currentPolicy } from '$lib/server/cancellation-policy/policy-repository';
import { formFailure } from '$lib/server/http/form';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { BOOKED_COOKIE, BOOKED_COOKIE_SECONDS } from './booked-cookie';
import { bookingInputFrom, withChosenSlot } from './details-form';
import { readFlowQuery } from './flow-query';
import { resolveBookingStep } from './resolve-step';
import { clearTriageCookie, readTriageCookie } from './triage-cookie';
import type { Actions, PageServerLoad } from './$types';
import { clinicTimeZone } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async ({ locals, url, cookies }) => {
	const hasTriage = readTriageCookie(cookies) !== undefined;
	const step = await resolveBookingStep(locals.db, readFlowQuery(url.searchParams), locals.locale, locals.db.clock.now().getTime(), hasTriage);
	return { ...step, cancellationPolicy: await currentPolicy(locals.db) };
};

export const actions: Actions = {
	// The details form posts here with the choice so far in hidden fields (and in the URL).
	default: async (event) => {
		const { locals, request, cookies, url } = event;
		const locale = locals.locale;
		// A refused booking offers other times as one radio group (`slot`): it sets the date and time.
		const values = withChosenSlot(await readForm(request));
		const query = readFlowQuery(values);
		const timeZone = await clinicTimeZone(locals.db);
		const built = await checkPolicyTick(locals.db, bookingInputFrom(values, query, locale, timeZone, readTriageCookie(cookies)), values, locale);
		if (!built.ok) {
			return built.selectionLost
				? formFailure(400, values, {}, translate(locale, 'book.selectionLost'))
				: formFailure(422, values, built.errors, translate(locale, 'validation.formTitle'));
		}
		const actor = actorFrom(event);
		let result = await createBooking(locals.db, built.input, actor);
		// "Anyone" was shown with whoever was free first; if that one has just gone, anyone else will do.
		if (!result.ok && result.code === 'slot_taken' && query.practitioner === 'any' && built.input.practitionerId) {
			result = await createBooking(locals.db, { ...built.input, practitionerId: undefined }, actor);
		}
		if (!result.ok) {
			// The self-check's advice, not a booking: numbers first, no booking button (docs/clinical-rules.md §1).
			if (result.code === 'red_flag') {
				clearTriageCookie(cookies);
				return fail(422, { redFlag: { level: result.level, reasons: result.reasons } });
			}
			if (result.code === 'slot_taken') {
				// Keep everything typed, say truly why, and offer the nearest free times (issue #22).
				const chosen = query.practitioner === 'any' ? undefined : query.practitioner;
				const explained = await explainRefusal(locals.db, { serviceId: built.input.serviceId, practitionerId: chosen, start: Date.parse(built.input.start) });
				const { slot: _slot, ...typed } = values;
				return fail(409, { slotTaken: true as const, values: typed, reason: explained?.reason ?? 'taken', nearest: explained?.nearest ?? [] });
			}
			if (result.code === 'too_many_upcoming')
				return formFailure(409, values, {}, translate(locale, 'bookingControls.tooManyUpcoming', { limit: result.limit }));
			return formFailure(400, values, {}, translate(locale, 'book.selectionLost'));
		}
		wakeJobWorker();
		clearTriageCookie(cookies);
		// The manage token reaches the confirmation page in a short-lived cookie, not in its URL.
		cookies.set(BOOKED_COOKIE, result.manageToken, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: BOOKED_COOKIE_SECONDS
		});
		redirect(303, localizePath('/book/done', locale));
	}
};
