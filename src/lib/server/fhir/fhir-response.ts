import { json } from '@sveltejs/kit';
import { operationOutcome } from '$lib/domain/fhir/bundle';

/** FHIR's JSON media type; personal data is never kept by a browser or proxy cache. */
const FHIR_HEADERS = { 'content-type': 'application/fhir+json; charset=utf-8', 'cache-control': 'no-store' };

export function fhirJson(body: unknown, status = 200): Response {
	return json(body, { status, headers: FHIR_HEADERS });
}

/**
 * A FHIR client without a valid staff session gets 401 with an OperationOutcome, never a
 * redirect to a sign-in page it cannot use (docs/contracts.md); a role without access gets 403.
 */
export function fhirAccessRefused(decision: 'forbidden' | 'unauthorized'): Response {
	return decision === 'forbidden'
		? fhirJson(operationOutcome('forbidden', 'This role may not read clinical records.'), 403)
		: fhirJson(operationOutcome('login', 'A signed-in staff session is required.'), 401);
}
