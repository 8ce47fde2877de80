import { beforeAll, describe, expect, inject, it } from 'vitest';
import { staffCookie } from '../support/staff-session';

/* `GET /fhir/R4/Patient/{id}/$everything` over HTTP against the shared built server (demo clinic). */

describe('FHIR Patient/$everything over HTTP', () => {
	const base = () => inject('baseUrl');
	const passwords = () => inject('demoPasswords');
	const everything = (id: string, cookie?: string) =>
		fetch(`${base()}/fhir/R4/Patient/${encodeURIComponent(id)}/$everything`, {
			headers: { accept: 'application/fhir+json', ...(cookie ? { cookie } : {}) },
			redirect: 'manual'
		});
	let practitioner = '';
	let reception = '';
	let patientId = '';

	beforeAll(async () => {
		practitioner = await staffCookie(base(), 'practitioner@example.jp', passwords()['practitioner@example.jp']);
		reception = await staffCookie(base(), 'reception@example.jp', passwords()['reception@example.jp']);
		const search = await fetch(`${base()}/api/v1/patients?q=${encodeURIComponent('サトウ')}`, { headers: { cookie: practitioner } });
		expect(search.status).toBe(200);
		const found = (await search.json()) as { id: string; familyName: string; givenName: string }[];
		const sato = found.find((p) => p.familyName === '佐藤' && p.givenName === '健');
		if (!sato) throw new Error('the demo patient with a history is missing');
		patientId = sato.id;
	});

	it('gives a practitioner the patient’s record as a FHIR searchset Bundle', async () => {
		const response = await everything(patientId, practitioner);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('application/fhir+json');
		expect(response.headers.get('cache-control')).toBe('no-store');
		const bundle = (await response.json()) as {
			resourceType: string;
			type: string;
			total: number;
			entry: { fullUrl: string; resource: { resourceType: string; id: string } }[];
		};
		expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: bundle.entry.length });
		const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
		for (const type of ['Patient', 'Practitioner', 'Appointment', 'Encounter', 'Condition', 'Observation', 'QuestionnaireResponse', 'Consent'])
			expect(types, type).toContain(type);
		const patientEntry = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!;
		expect(patientEntry.resource.id).toBe(patientId);
		expect(patientEntry.fullUrl).toMatch(new RegExp(`^https?://[^/]+/fhir/R4/Patient/${patientId}$`));
	});

	it('refuses reception, which may not read clinical records unless the owner allows it', async () => {
		const response = await everything(patientId, reception);
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toContain('application/fhir+json');
		expect(await response.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] });
	});

	it('answers a visitor without a session with 401 and an OperationOutcome, never a redirect', async () => {
		for (const cookie of [undefined, 'shinkyu_staff=expired-or-made-up']) {
			const response = await everything(patientId, cookie);
			expect(response.status).toBe(401);
			expect(response.headers.get('location')).toBeNull();
			expect(response.headers.get('content-type')).toContain('application/fhir+json');
			expect(response.headers.get('cache-control')).toBe('no-store');
			const body = await response.text();
			expect(body).not.toContain('佐藤');
			expect(JSON.parse(body)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] });
		}
	});

	it('answers an unknown or malformed id with a 404 OperationOutcome', async () => {
		for (const id of ['00000000-0000-4000-8000-000000000000', 'not*an*id']) {
			const response = await everything(id, practitioner);
			expect(response.status, id).toBe(404);
			expect(await response.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
		}
	});
});
