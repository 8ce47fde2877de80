import { describe, expect, it } from 'vitest';
import { isSameSitePath, safeNextPath, safeStaffReturnPath, withQuery } from './return-path';

/* Every refused form of a return path, in one place: the one rule refuses it for sign-in's `next` and a staff form's `returnTo` alike. */

const REFUSED: Array<[string, unknown]> = [
	['no value', undefined],
	['null', null],
	['a number', 42],
	['an empty string', ''],
	['a relative path', 'staff/billing'],
	['another site', 'https://evil.example/staff'],
	['a scheme-relative URL', '//evil.example/staff'],
	['a backslash after the slash', '/\\evil.example'],
	['a backslash inside', '/staff\\..\\portal'],
	['a tab', '/\t/evil.example'],
	['a newline', '/\n/evil.example'],
	['a carriage return', '/\r/x'],
	['a NUL', '/\u0000'],
	['a DEL', '/\u007f'],
	['a `..` segment', '/staff/../portal'],
	['a `..` at the end', '/staff/..'],
	['a `.` segment', '/staff/./x'],
	['an encoded `..`', '/staff/%2e%2e/portal'],
	['an encoded `..` in capitals', '/staff/%2E%2E/portal'],
	['a half-encoded `..`', '/staff/.%2e/portal'],
	['an encoded `.`', '/staff/%2e/x'],
	['an empty segment', '/staff//evil.example'],
	['a fragment', '/staff/billing#x'],
	['a space', '/staff/a b'],
	['a character a URL encodes', '/staff/患者'],
	['a URL in the query', '/staff/billing?next=https://evil.example'],
	['more than 500 characters', '/staff/' + 'a'.repeat(600)]
];

describe('the one rule for a return path', () => {
	it.each(REFUSED)('refuses %s everywhere', (_, raw) => {
		expect(isSameSitePath(raw)).toBe(false);
		expect(safeNextPath(raw as string | null, '/staff')).toBe('/staff');
		expect(safeStaffReturnPath(raw)).toBeNull();
	});

	it.each([
		'/staff',
		'/en/staff',
		'/staff/billing/appointments/7c9e6679-7425-40de-944b-e07fc1f90ae7',
		'/en/staff/billing/appointments/7c9e6679-7425-40de-944b-e07fc1f90ae7',
		'/staff/insurance/claims?month=2026-11',
		'/staff/patients?q=%E5%B1%B1',
		'/en/staff/patients/abc/insurance/',
		'/staff/atlas/LI4.svg'
	])('keeps the same-site staff path %s, for sign-in and a staff form alike', (path) => {
		expect(isSameSitePath(path)).toBe(true);
		expect(safeNextPath(path, '/staff')).toBe(path);
		expect(safeStaffReturnPath(path)).toBe(path);
	});
});

describe('safeStaffReturnPath: a staff page only', () => {
	it.each(['/', '/portal/visits', '/en/portal', '/staffroom', '/fr/staff', '/en/staffroom', '/api/v1/staff'])(
		'refuses %s, a path of this site but not a staff page, which sign-in may still follow',
		(path) => {
			expect(safeStaffReturnPath(path)).toBeNull();
			expect(safeNextPath(path, '/staff')).toBe(path);
		}
	);
});

describe('withQuery', () => {
	it('adds a parameter to a path with or without a query', () => {
		expect(withQuery('/staff/x', 'eligibility', 'saved')).toBe('/staff/x?eligibility=saved');
		expect(withQuery('/staff/x?a=1', 'eligibility', 'saved')).toBe('/staff/x?a=1&eligibility=saved');
	});
});
