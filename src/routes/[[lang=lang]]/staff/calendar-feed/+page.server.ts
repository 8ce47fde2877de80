import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { parseForm } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import { feedTokenDates, issueFeedToken, mayManageFeed, revokeFeedToken } from '$lib/server/schedule/feed-token';
import { loadScheduleResources } from '$lib/server/schedule/schedule-resources';
import { ZFeedFormSchema } from '$lib/server/schedule/schemas';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** The practitioners this viewer may look after a feed for: all for the owner, else themself. */
async function manageable(event: Pick<RequestEvent, 'locals'>) {
	const staff = event.locals.session!.staff;
	const { practitioners, timeZone } = await loadScheduleResources(event.locals.db);
	return { timeZone, practitioners: practitioners.filter((p) => mayManageFeed({ id: staff.id, role: staff.role }, p)) };
}

export const load: PageServerLoad = async (event) => {
	const { practitioners, timeZone } = await manageable(event);
	const dates = await feedTokenDates(event.locals.db);
	return {
		timeZone,
		practitioners: practitioners.map((p) => ({ id: p.id, name: p.name, since: dates.get(p.id) ?? null }))
	};
};

async function practitionerFromForm(event: RequestEvent) {
	const form = await parseForm(event.request, ZFeedFormSchema, event.locals.locale);
	if (!form.ok) return { failure: form.failure } as const;
	const { practitioners } = await manageable(event);
	const practitioner = practitioners.find((p) => p.id === form.data.practitionerId);
	// Someone else's feed is refused the same way as one that does not exist.
	if (!practitioner) error(403, translate(event.locals.locale, 'error.forbiddenTitle'));
	return { practitioner } as const;
}

export const actions: Actions = {
	issue: async (event) => {
		const found = await practitionerFromForm(event);
		if ('failure' in found) return found.failure;
		const result = await issueFeedToken(event.locals.db, found.practitioner.id, actorFrom(event));
		if (!result.ok) notFound(event.locals.locale);
		const lang = event.locals.locale === 'en' ? '&lang=en' : '';
		const feedUrl = new URL(`/ical/practitioners/${found.practitioner.id}.ics?token=${result.token}${lang}`, event.locals.origin).toString();
		return { practitionerId: found.practitioner.id, feedUrl, replaced: result.replaced };
	},
	revoke: async (event) => {
		const found = await practitionerFromForm(event);
		if ('failure' in found) return found.failure;
		await revokeFeedToken(event.locals.db, found.practitioner.id, actorFrom(event));
		return { revoked: true };
	}
};
