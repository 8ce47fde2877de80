/* The `$everything` answer: a searchset Bundle, and the OperationOutcome errors are written as. */
import { fhirBase, type FhirContext } from './codes';
import type { Bundle, FhirResource, OperationOutcome } from './types';

/**
 * The patient is the match; everything else is included because it belongs to them (R4
 * Patient/$everything returns a searchset). Every entry has the resource's absolute URL.
 */
export function everythingBundle(patientId: string, resources: readonly FhirResource[], ctx: FhirContext, bundleId: string, now: Date): Bundle {
	const base = fhirBase(ctx);
	return {
		resourceType: 'Bundle',
		id: bundleId,
		meta: { lastUpdated: now.toISOString() },
		type: 'searchset',
		total: resources.length,
		link: [{ relation: 'self', url: `${base}/Patient/${patientId}/$everything` }],
		entry: resources.map((resource) => ({
			fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
			resource,
			search: { mode: resource.resourceType === 'Patient' && resource.id === patientId ? 'match' : 'include' }
		}))
	};
}

export function operationOutcome(code: 'not-found' | 'forbidden' | 'login' | 'exception', diagnostics: string): OperationOutcome {
	return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}
