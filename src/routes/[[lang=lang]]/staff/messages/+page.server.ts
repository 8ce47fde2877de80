import { z } from 'zod';
import { listContactMessages, markContactMessageHandled } from '$lib/server/contact/send-contact-message';
import { parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async ({ locals }) => ({
	timeZone: await recentClinicTimeZone(locals.db),
	messages: (await listContactMessages(locals.db)).map((m) => ({
		id: m.id,
		createdAt: m.created_at,
		name: m.name,
		email: m.email,
		phone: m.phone,
		message: m.message,
		locale: m.locale,
		handled: m.handled_at !== null
	}))
});

export const actions: Actions = {
	handled: async (event) => {
		const form = await parseForm(event.request, z.object({ id: z.uuid() }), event.locals.locale);
		if (!form.ok) return form.failure;
		await markContactMessageHandled(event.locals.db, form.data.id, actorFrom(event));
		return { updated: true };
	}
};
