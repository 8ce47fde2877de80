import { TRIAGE_ADVICE_LABELS } from '$lib/labels/triage-advice-labels';
import { json } from '@sveltejs/kit';
import { assess } from '$lib/domain/triage/assess';
import { translate } from '$lib/i18n/translate';
import { apiError, validationError } from '$lib/server/http/api-response';
import { readJson } from '$lib/server/http/read-json';
import { ZTriageRequestSchema } from '$lib/server/triage/schemas';
import type { RequestHandler } from './$types';

/** Stateless: the answers are assessed and forgotten, never stored or logged. */
export const POST: RequestHandler = async ({ request, locals }) => {
	const body = await readJson(request);
	if (!body.ok) return apiError(400, 'invalid_json', translate(locals.locale, 'api.invalidJson'));
	const parsed = ZTriageRequestSchema.safeParse(body.value);
	if (!parsed.success) return validationError(parsed.error, body.value, locals.locale, translate(locals.locale, 'validation.formTitle'));
	const result = assess(parsed.data.answers);
	return json({
		level: result.level,
		reasons: result.reasons,
		advice: { ja: translate('ja', TRIAGE_ADVICE_LABELS[result.level]), en: translate('en', TRIAGE_ADVICE_LABELS[result.level]) }
	});
};
