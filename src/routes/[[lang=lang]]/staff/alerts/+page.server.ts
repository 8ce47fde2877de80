import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { actorFrom } from '$lib/server/http/request-context';
import { acknowledgeRedFlag, listOpenRedFlags } from '$lib/server/intake/intake-service';
import type { Actions, PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async (event) => {
	return { flags: await listOpenRedFlags(event.locals.db, actorFrom(event)), timeZone: await recentClinicTimeZone(event.locals.db) };
};

const ZAcknowledgeSchema = z.object({ intakeId: z.uuid() });

export const actions: Actions = {
	acknowledge: async (event) => {
		const { locals, request } = event;
		const parsed = ZAcknowledgeSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { message: translate(locals.locale, 'error.badRequestTitle') });
		const result = await acknowledgeRedFlag(locals.db, parsed.data.intakeId, locals.session!.staff.id, actorFrom(event));
		// Acknowledged by a colleague a moment ago: the list simply no longer shows it.
		if (!result.ok && result.code === 'not_found') return fail(404, { message: translate(locals.locale, 'error.notFoundTitle') });
		return { acknowledged: true };
	}
};
