import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');

describe('the running server', () => {
	it('reports health as the API contract says', async () => {
		const response = await fetch(`${base}/api/v1/health`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', database: 'sqlite', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
	});

	it('describes its API in OpenAPI 3.1, including the staff endpoints', async () => {
		const response = await fetch(`${base}/api/v1/openapi.json`);
		expect(response.status).toBe(200);
		const document = await response.json();
		expect(document.openapi).toBe('3.1.0');
		expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/bookings', '/api/v1/availability', '/api/v1/patients']));
		expect(document.servers[0].url).toBe(base);
	});

	it('sends security headers and a request id on pages and on the API', async () => {
		for (const path of ['/', '/api/v1/health']) {
			const response = await fetch(`${base}${path}`);
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
			expect(response.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
		}
	});

	it('serves Japanese at / and English at /en with the right html lang', async () => {
		const ja = await (await fetch(`${base}/`)).text();
		const en = await (await fetch(`${base}/en`)).text();
		expect(ja).toContain('<html lang="ja">');
		expect(ja).toContain('坐骨神経痛');
		expect(en).toContain('<html lang="en">');
		expect(en).toContain('Acupuncture for sciatica');
	});

	it('shows the seeded clinic, its hours and its prices in yen', async () => {
		const en = await (await fetch(`${base}/en`)).text();
		expect(en).toContain('Fuji Wellness');
		expect(en).toContain('132-0031');
		expect(en).toMatch(/¥7,700/);
	});

	it('answers an unknown page with a localized 404', async () => {
		const ja = await fetch(`${base}/no-such-page`);
		expect(ja.status).toBe(404);
		expect(await ja.text()).toContain('ページが見つかりません');
		const en = await fetch(`${base}/en/no-such-page`);
		expect(en.status).toBe(404);
		expect(await en.text()).toContain('Page not found');
	});

	it('answers an unknown API path with the JSON error shape', async () => {
		const response = await fetch(`${base}/api/v1/nothing-here`, { headers: { 'accept-language': 'en' } });
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
	});

	it('refuses an API mutation that is not JSON', async () => {
		const response = await fetch(`${base}/api/v1/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/xml', 'accept-language': 'ja' },
			body: '<login/>'
		});
		expect(response.status).toBe(415);
		const body = await response.json();
		expect(body.error.code).toBe('unsupported_media_type');
		expect(body.error.message).toContain('JSON');
	});

	it('lists services and practitioners as the API contract says', async () => {
		const services = await (await fetch(`${base}/api/v1/services`)).json();
		expect(services.length).toBeGreaterThanOrEqual(3);
		expect(services[0]).toEqual({
			id: expect.any(String),
			code: 'FIRST',
			name: { ja: expect.any(String), en: expect.any(String) },
			durationMinutes: 75,
			priceJpy: 7700
		});
		const practitioners = await (await fetch(`${base}/api/v1/practitioners`)).json();
		expect(practitioners).toHaveLength(3);
		expect(practitioners[0]).toEqual({ id: expect.any(String), name: { ja: expect.any(String), en: expect.any(String) } });
	});
});

describe('a malformed address', () => {
	it('is a localized 400, not a 500', async () => {
		const response = await fetch(`${base}/en/%E0%A4%A`);
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('This request cannot be handled');
	});
});
