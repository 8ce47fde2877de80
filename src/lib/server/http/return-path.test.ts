import { describe, expect, it } from 'vitest';
import { safeStaffReturnPath, withQuery } from './return-path';

describe('safeStaffReturnPath', () => {
	it.each([
		'/staff/billing/appointments/7c9e6679-7425-40de-944b-e07fc1f90ae7',
		'/en/staff/billing/appointments/7c9e6679-7425-40de-944b-e07fc1f90ae7',
		'/staff',
		'/staff/insurance/claims?month=2026-11',
		'/en/staff/patients/abc/insurance/'
	])('keeps the same-site staff path %s', (path) => {
		expect(safeStaffReturnPath(path)).toBe(path);
	});

	it.each([
		undefined,
		null,
		42,
		'',
		'https://evil.example/staff',
		'//evil.example/staff',
		'/\\evil.example',
		'/staff/../portal',
		'/staff/./x',
		'/staff/%2e%2e/portal',
		'/portal/visits',
		'/',
		'/staffroom',
		'/fr/staff',
		'staff/billing',
		'/staff/billing#x',
		'/staff/billing?next=https://evil.example',
		'/staff/a b',
		'/staff/' + 'a'.repeat(600)
	])('refuses %s', (path) => {
		expect(safeStaffReturnPath(path)).toBeNull();
	});
});

describe('withQuery', () => {
	it('adds a parameter to a path with or without a query', () => {
		expect(withQuery('/staff/x', 'eligibility', 'saved')).toBe('/staff/x?eligibility=saved');
		expect(withQuery('/staff/x?a=1', 'eligibility', 'saved')).toBe('/staff/x?a=1&eligibility=saved');
	});
});
