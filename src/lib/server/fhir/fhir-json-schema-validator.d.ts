/* Types for @asymmetrik/fhir-json-schema-validator (a devDependency the FHIR tests validate with). */
declare module '@asymmetrik/fhir-json-schema-validator' {
	interface SchemaError {
		keyword: string;
		dataPath: string;
		schemaPath: string;
		message?: string;
		params?: Record<string, unknown>;
	}
	export default class JSONSchemaValidator {
		constructor(schema?: object, ajvSettings?: object);
		/** Errors against the official FHIR R4 JSON schema (4.0); empty when the resource is valid. */
		validate(resource: object, verbose?: boolean): (SchemaError | string)[];
	}
}
