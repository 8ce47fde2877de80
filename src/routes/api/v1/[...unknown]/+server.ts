import { translate } from '$lib/i18n/translate';
import { apiError } from '$lib/server/http/api-response';
import type { RequestHandler } from './$types';

/** Unknown API paths answer in the contract's JSON error shape, not with an HTML page. */
export const fallback: RequestHandler = ({ locals }) => apiError(404, 'not_found', translate(locals.locale, 'api.notFound'));
