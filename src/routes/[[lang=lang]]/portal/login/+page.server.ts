import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { logger } from '$lib/server/log';
import { requestMagicLink } from '$lib/server/portal/magic-link';
import { ZRequestMagicLinkSchema } from '$lib/server/portal/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.patientSession) redirect(303, localizePath('/portal', locals.locale));
	return { sent: url.searchParams.has('sent'), signedOut: url.searchParams.has('signed-out') };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		const form = await parseForm(event.request, ZRequestMagicLinkSchema, locals.locale);
		if (!form.ok) return form.failure;
		// The same answer, as fast, whether or not the address is known: the page must not reveal who
		// is a patient, so the answer does not wait for the mail.
		requestMagicLink(locals.db, locals.mailer, form.data.email, locals.locale, locals.origin, actorFrom(event)).catch((cause: unknown) =>
			logger.error({ requestId: locals.requestId, err: cause }, 'sign-in link request failed')
		);
		redirect(303, localizePath('/portal/login?sent', locals.locale));
	}
};
