import { describe, expect, it } from 'vitest';
import { safeNextPath } from './form';

describe('safeNextPath', () => {
	it('follows a path on this site', () => {
		expect(safeNextPath('/staff/patients?q=%E5%B1%B1', '/staff')).toBe('/staff/patients?q=%E5%B1%B1');
		expect(safeNextPath('/en/staff', '/staff')).toBe('/en/staff');
	});

	it('refuses anything that could leave the site or break the header', () => {
		for (const next of [
			null,
			'',
			'staff',
			'https://evil.example/',
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r/x',
			'/\u0000',
			'/\u007f'
		]) {
			expect(safeNextPath(next, '/staff'), JSON.stringify(next)).toBe('/staff');
		}
	});
});
