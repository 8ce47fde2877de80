import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';
import { ROUTE_ACCESS } from './route-access';

const document = openApiDocument('test', 'http://localhost');
const paths = document.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>>;

/** `/api/v1/acupoints/[code]` → `/api/v1/acupoints/{code}` */
const asOpenApiPath = (routeId: string) => routeId.replace(/\[(\w+)\]/g, '{$1}');

describe('the OpenAPI description', () => {
	it('describes every API route the server serves', () => {
		const apiRoutes = Object.keys(ROUTE_ACCESS).filter((id) => id.startsWith('/api/v1/') && !id.includes('[...'));
		expect(apiRoutes.length).toBeGreaterThan(8);
		expect(apiRoutes.map(asOpenApiPath).filter((path) => !(path in paths))).toEqual([]);
	});

	it('describes no route that does not exist', () => {
		const served = new Set(Object.keys(ROUTE_ACCESS).map(asOpenApiPath));
		expect(Object.keys(paths).filter((path) => !served.has(path))).toEqual([]);
	});

	it('takes the booking body from the schema the endpoint validates with', () => {
		const schema = paths['/api/v1/bookings']!.post!.requestBody!.content['application/json']!.schema as {
			required: string[];
			properties: Record<string, { properties?: Record<string, unknown> }>;
		};
		expect(schema.required).toEqual(expect.arrayContaining(['serviceId', 'start', 'locale', 'patient', 'consent']));
		expect(Object.keys(schema.properties.patient!.properties!)).toEqual(
			expect.arrayContaining(['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'email', 'phone', 'dateOfBirth'])
		);
	});

	it('is OpenAPI 3.1 with the error shape of the contract', () => {
		expect(document.openapi).toBe('3.1.0');
		expect(JSON.stringify(document)).toContain('"fields"');
	});
});
