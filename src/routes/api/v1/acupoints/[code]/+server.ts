import { json } from '@sveltejs/kit';
import { findAcupoint, toAcupointResource } from '$lib/domain/acupoints/points';
import { translate } from '$lib/i18n/translate';
import { apiError } from '$lib/server/http/api-response';
import type { RequestHandler } from './$types';

/** The code is matched without regard to case: `bl40` answers as `BL40`. */
export const GET: RequestHandler = ({ params, locals }) => {
	const point = findAcupoint(params.code);
	if (!point) return apiError(404, 'not_found', translate(locals.locale, 'api.notFound'));
	return json(toAcupointResource(point));
};
