import { describe, expect, it } from 'vitest';
import { artsLicenceProblem } from './arts-licences';

describe('artsLicenceProblem (docs/clinical-rules.md §6)', () => {
	it('lets a practitioner with はり師 and きゅう師 charge 2術', () => {
		expect(artsLicenceProblem('combined', { hari: true, kyu: true })).toBeNull();
	});

	it('refuses 2術 to a practitioner missing either licence, or both', () => {
		expect(artsLicenceProblem('combined', { hari: true, kyu: false })).toBe('needs_hari_and_kyu');
		expect(artsLicenceProblem('combined', { hari: false, kyu: true })).toBe('needs_hari_and_kyu');
		expect(artsLicenceProblem('combined', { hari: false, kyu: false })).toBe('needs_hari_and_kyu');
	});

	it('leaves 1術 alone: either licence covers its own art', () => {
		expect(artsLicenceProblem('single', { hari: true, kyu: false })).toBeNull();
		expect(artsLicenceProblem('single', { hari: false, kyu: true })).toBeNull();
	});
});
