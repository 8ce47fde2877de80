import { redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { lineConfig } from '$lib/server/line/line-config';
import { finishLineLogin } from '$lib/server/line/line-login';
import { patientActor } from '$lib/server/portal/portal-patient';
import type { RequestHandler } from './$types';
import { notFound } from '$lib/server/http/not-found';

/**
 * LINE Login's redirect back (issue #20). It acts on a GET because OAuth returns that way; what it
 * acts on is bound to this patient's own login attempt (state, nonce, PKCE: line-login.ts).
 */
export const GET: RequestHandler = async (event) => {
	const { locals, url } = event;
	const config = lineConfig();
	if (!config) notFound(locals.locale);
	const back = (outcome: string) => redirect(303, `${localizePath('/portal/line', locals.locale)}?line=${outcome}`);
	const state = url.searchParams.get('state');
	const code = url.searchParams.get('code');
	if (url.searchParams.has('error') || !state || !code) back(url.searchParams.has('error') ? 'denied' : 'bad_state');
	const patientId = locals.patientSession!.patientId;
	const result = await finishLineLogin(locals.db, { patientId, state: state!, code: code! }, config, locals.origin, patientActor(event, patientId));
	back(result.ok ? 'linked' : result.code);
	return new Response(null, { status: 500 });
};
