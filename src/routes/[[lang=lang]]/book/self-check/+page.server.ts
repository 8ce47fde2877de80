import { redirect } from '@sveltejs/kit';
import { triageForBooking } from '$lib/domain/triage/booking-triage';
import { localizePath } from '$lib/i18n/locales';
import { readForm } from '$lib/server/http/read-form';
import { ZTriageHiddenSchema } from '$lib/server/triage/schemas';
import { clearTriageCookie, setTriageCookie } from '../triage-cookie';
import type { Actions } from './$types';

/*
 * Where the self-check's result page posts its answers when the person chooses to book
 * (docs/contracts.md). Answers that need emergency or urgent care get the self-check's advice, not
 * a booking (docs/clinical-rules.md §1); others are kept for the booking flow and the person goes on
 * to choose a treatment. Opened directly, the page only points to the self-check and the booking.
 */

export const actions: Actions = {
	default: async ({ request, locals, cookies, url }) => {
		const parsed = ZTriageHiddenSchema.safeParse(await readForm(request));
		// Nothing usable to carry: the self-check is the place to answer again.
		if (!parsed.success) redirect(303, localizePath('/check', locals.locale));
		const triage = triageForBooking(parsed.data);
		if (!triage.ok) {
			clearTriageCookie(cookies);
			return { redFlag: { level: triage.level, reasons: triage.reasons } };
		}
		setTriageCookie(cookies, parsed.data, url);
		redirect(303, localizePath('/book', locals.locale));
	}
};
