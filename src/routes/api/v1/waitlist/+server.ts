import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { apiError, validationError } from '$lib/server/http/api-response';
import { readJson } from '$lib/server/http/read-json';
import { actorFrom } from '$lib/server/http/request-context';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { joinWaitlist } from '$lib/server/waitlist/join-waitlist';
import { ZJoinWaitlistSchema } from '$lib/server/waitlist/schemas';
import { waitlistManageUrl } from '$lib/server/waitlist/tokens';
import type { RequestHandler } from './$types';

/** Joins the waiting list (docs/contracts.md): 201 with the manage link, 422 on bad input. */
export const POST: RequestHandler = async (event) => {
	const { request, locals } = event;
	const t = (key: Parameters<typeof translate>[1]) => translate(locals.locale, key);
	const body = await readJson(request);
	if (!body.ok) return apiError(400, 'invalid_json', t('api.invalidJson'));
	const parsed = ZJoinWaitlistSchema.safeParse(body.value);
	if (!parsed.success) return validationError(parsed.error, body.value, locals.locale, t('validation.formTitle'));
	const result = await joinWaitlist(locals.db, parsed.data, actorFrom(event));
	if (!result.ok) {
		if (result.code === 'range_past') return apiError(422, 'validation_failed', t('validation.formTitle'), { to: t('waitlist.rangePast') });
		return apiError(404, result.code, t(result.code === 'service_not_found' ? 'waitlist.serviceNotFound' : 'waitlist.practitionerNotFound'));
	}
	wakeJobWorker();
	return json({ id: result.entryId, status: 'waiting', manageUrl: waitlistManageUrl(locals.origin, result.locale, result.manageToken) }, { status: 201 });
};
