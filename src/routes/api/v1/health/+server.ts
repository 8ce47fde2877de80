import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { APP_VERSION } from '$lib/server/app';
import { pingDatabase } from '$lib/server/db/database';
import { apiError } from '$lib/server/http/api-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	if (!(await pingDatabase(locals.db))) {
		return apiError(503, 'database_unavailable', translate(locals.locale, 'api.unavailable'));
	}
	return json({ status: 'ok', database: locals.db.dialect, version: APP_VERSION }, { headers: { 'cache-control': 'no-store' } });
};
