import { operationOutcome } from '$lib/domain/fhir/bundle';
import { mayReadClinical } from '$lib/server/clinic/security-settings';
import { fhirAccessRefused, fhirJson } from '$lib/server/fhir/fhir-response';
import { patientEverything } from '$lib/server/fhir/patient-everything';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';

/**
 * Staff: `GET /fhir/R4/Patient/{id}/$everything` (docs/contracts.md) → FHIR R4 Bundle.
 * The route table admits every staff role; clinical content is for practitioners and the owner,
 * and for reception only when the owner allows it, as on the chart.
 */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const role = locals.session?.staff.role;
	if (!role || !(await mayReadClinical(locals.db, role))) {
		return fhirAccessRefused('forbidden');
	}
	const bundle = await patientEverything(locals.db, params.id, actorFrom(event), locals.origin);
	if (!bundle) return fhirJson(operationOutcome('not-found', 'No patient with this id.'), 404);
	return fhirJson(bundle);
};
