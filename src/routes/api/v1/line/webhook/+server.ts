import { validateSignature } from '@line/bot-sdk';
import { translate } from '$lib/i18n/translate';
import { apiError } from '$lib/server/http/api-response';
import { wakeJobWorker } from '$lib/server/jobs/worker';
import { acceptLineWebhook, ZLineWebhookBodySchema } from '$lib/server/line/accept-webhook';
import { lineConfig } from '$lib/server/line/line-config';
import type { RequestHandler } from './$types';

/**
 * LINE's webhook (issue #20; docs/contracts.md). The signature is the HMAC-SHA256 of the raw body
 * under the channel secret, compared in constant time by the SDK: missing or wrong → 401 and
 * nothing read or written. A valid call is answered 200 at once; its events wait in the job queue.
 */
export const POST: RequestHandler = async ({ request, locals }) => {
	const config = lineConfig();
	if (!config) return apiError(404, 'not_found', translate(locals.locale, 'line.notConfigured'));
	const raw = await request.text();
	const signature = request.headers.get('x-line-signature');
	if (!signature || !validateSignature(raw, config.channelSecret, signature))
		return apiError(401, 'bad_signature', translate(locals.locale, 'line.badSignature'));
	let body: unknown;
	try {
		body = JSON.parse(raw);
	} catch {
		body = null;
	}
	const parsed = ZLineWebhookBodySchema.safeParse(body);
	// Signed by LINE but not understood: acknowledged, so LINE does not keep redelivering it.
	if (parsed.success && (await acceptLineWebhook(locals.db, parsed.data.events)) > 0) wakeJobWorker(50);
	return new Response(null, { status: 200 });
};
