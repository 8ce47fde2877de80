import { json } from '@sveltejs/kit';
import { operationOutcome } from '$lib/domain/fhir/bundle';
import { mayReadClinical } from '$lib/server/clinic/security-settings';
import { patientEverything } from '$lib/server/fhir/patient-everything';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';

/** FHIR's JSON media type; personal data is never kept by a browser or proxy cache. */
const FHIR_HEADERS = { 'content-type': 'application/fhir+json; charset=utf-8', 'cache-control': 'no-store' };

const fhirJson = (body: unknown, status = 200) => json(body, { status, headers: FHIR_HEADERS });

/**
 * Staff: `GET /fhir/R4/Patient/{id}/$everything` (docs/contracts.md) → FHIR R4 Bundle.
 * The route table admits every staff role; clinical content is for practitioners and the owner,
 * and for reception only when the owner allows it, as on the chart.
 */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url } = event;
	const role = locals.session?.staff.role;
	if (!role || !(await mayReadClinical(locals.db, role))) {
		return fhirJson(operationOutcome('forbidden', 'This role may not read clinical records.'), 403);
	}
	const bundle = await patientEverything(locals.db, params.id, actorFrom(event), url.origin);
	if (!bundle) return fhirJson(operationOutcome('not-found', 'No patient with this id.'), 404);
	return fhirJson(bundle);
};
