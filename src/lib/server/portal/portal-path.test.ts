import { describe, expect, it } from 'vitest';
import { safePortalPath } from './portal-path';

describe('the page after sign-in', () => {
	it('follows a portal path', () => {
		expect(safePortalPath('/portal/intake')).toBe('/portal/intake');
		expect(safePortalPath('/portal')).toBe('/portal');
		expect(safePortalPath('/portal/appointments/0b7c-11')).toBe('/portal/appointments/0b7c-11');
	});

	it('refuses anything outside the portal, and other sites', () => {
		for (const next of [
			null,
			'',
			'/staff',
			'//evil.example/portal',
			'https://evil.example/portal',
			'/portal/../staff',
			'/portalx',
			'/portal/intake?x=1',
			'/portal\\evil'
		]) {
			expect(safePortalPath(next), String(next)).toBe('/portal');
		}
	});
});
