import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { listSideEffects } from '$lib/server/side-effects/list-side-effects';
import { markSideEffectHandled } from '$lib/server/side-effects/mark-side-effect-handled';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async (event) => {
	const { db } = event.locals;
	const reports = await listSideEffects(db, {}, actorFrom(event));
	return {
		timeZone: await recentClinicTimeZone(db),
		openCount: reports.filter((r) => r.handledAt === null).length,
		reports
	};
};

export const actions: Actions = {
	handled: async (event) => {
		const { locals } = event;
		const staff = locals.session?.staff;
		if (!staff) error(403, translate(locals.locale, 'error.forbiddenTitle'));
		const form = await parseForm(event.request, z.object({ id: z.uuid() }), locals.locale);
		if (!form.ok) return form.failure;
		const result = await markSideEffectHandled(locals.db, form.data.id, staff.id, actorFrom(event));
		if (!result.ok && result.code === 'not_found') notFound(locals.locale);
		return result.ok ? { handled: true as const } : { alreadyHandled: true as const };
	}
};
