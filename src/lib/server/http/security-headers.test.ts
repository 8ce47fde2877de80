import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, isPrivatePath } from './security-headers';

describe('applySecurityHeaders', () => {
	it('adds HSTS only behind HTTPS', () => {
		const plain = new Headers();
		applySecurityHeaders(plain, false);
		expect(plain.get('strict-transport-security')).toBeNull();
		const secure = new Headers();
		applySecurityHeaders(secure, true);
		expect(secure.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
	});

	it('gives responses without a page CSP a deny-all policy, and keeps a page’s own', () => {
		const api = new Headers();
		applySecurityHeaders(api, false);
		expect(api.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
		const page = new Headers({ 'content-security-policy': "default-src 'self'" });
		applySecurityHeaders(page, false);
		expect(page.get('content-security-policy')).toBe("default-src 'self'");
	});

	it.each([
		'/staff',
		'/staff/patients/1',
		'/en/staff/schedule',
		'/portal',
		'/en/portal/data',
		'/booking/abc',
		'/fhir/R4/Patient/1/$everything',
		'/ical/practitioners/1.ics',
		'/api/v1/patients',
		'/api/v1/auth/login'
	])('tells browsers and proxies not to keep %s', (pathname) => {
		const headers = new Headers();
		applySecurityHeaders(headers, false, pathname);
		expect(headers.get('cache-control')).toBe('no-store');
	});

	it.each(['/', '/en/', '/check', '/book', '/points/BL40', '/staffing-news', '/portals', '/api/v1/availability', '/api/v1/services'])(
		'leaves the public page %s cacheable',
		(pathname) => {
			expect(isPrivatePath(pathname)).toBe(false);
			const headers = new Headers();
			applySecurityHeaders(headers, false, pathname);
			expect(headers.get('cache-control')).toBeNull();
		}
	);
});
