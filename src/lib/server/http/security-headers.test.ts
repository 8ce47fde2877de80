import { describe, expect, it } from 'vitest';
import { applySecurityHeaders } from './security-headers';

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
});
