import { z } from 'zod';
import { findClinic } from '$lib/server/clinic/clinic-repository';
import { setRequireTotpForAll } from '$lib/server/clinic/security-settings';
import { parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';

const ZSecuritySettingsSchema = z.object({ requireTotpForAll: z.literal('on').optional() });

export const load: PageServerLoad = async ({ locals }) => ({
	requireTotpForAll: (await findClinic(locals.db))?.require_totp_for_all === 1
});

export const actions: Actions = {
	default: async (event) => {
		const form = await parseForm(event.request, ZSecuritySettingsSchema, event.locals.locale);
		if (!form.ok) return form.failure;
		await setRequireTotpForAll(event.locals.db, form.data.requireTotpForAll === 'on', actorFrom(event));
		return { saved: true };
	}
};
