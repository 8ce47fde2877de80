import { weeklyHours } from '$lib/domain/clinic/opening-hours';
import { translate } from '$lib/i18n/translate';
import { listOpeningHours, listPractitioners } from '$lib/server/clinic/clinic-repository';
import { ZContactSchema } from '$lib/server/contact/schemas';
import { sendContactMessage } from '$lib/server/contact/send-contact-message';
import { formFailure, parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { recentClinic } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async ({ locals }) => {
	const [clinic, hours, practitioners] = await Promise.all([recentClinic(locals.db), listOpeningHours(locals.db), listPractitioners(locals.db)]);
	return {
		clinic: clinic && {
			postalCode: clinic.postal_code,
			address: { ja: clinic.address_ja, en: clinic.address_en },
			access: { ja: clinic.access_ja, en: clinic.access_en },
			phone: clinic.phone
		},
		week: weeklyHours(hours),
		practitioners: practitioners.map((p) => ({
			id: p.id,
			name: { ja: `${p.family_name_ja} ${p.given_name_ja}`, en: `${p.given_name_en} ${p.family_name_en}` },
			hari: p.hari_licence,
			kyu: p.kyu_licence
		}))
	};
};

export const actions: Actions = {
	contact: async (event) => {
		const { locals, setHeaders } = event;
		const form = await parseForm(event.request, ZContactSchema, locals.locale);
		if (!form.ok) return form.failure;
		const result = await sendContactMessage(locals.db, locals.mailer, form.data, { actor: actorFrom(event), locale: locals.locale });
		if (!result.ok) {
			setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			return formFailure(429, form.values, {}, translate(locals.locale, 'contact.rateLimited', { minutes }));
		}
		return { sent: true };
	}
};
