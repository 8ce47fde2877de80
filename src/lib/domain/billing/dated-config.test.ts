import { describe, expect, it } from 'vitest';
import { versionOn } from './dated-config';

describe('dated configuration', () => {
	const versions = [
		{ effectiveFrom: '2024-06-01', fee: 1610 },
		{ effectiveFrom: '2022-06-01', fee: 1550 }
	];

	it('picks the latest version started on or before the day, in any order of the list', () => {
		expect(versionOn(versions, '2024-05-31')?.fee).toBe(1550);
		expect(versionOn(versions, '2024-06-01')?.fee).toBe(1610);
		expect(versionOn(versions, '2030-01-01')?.fee).toBe(1610);
	});

	it('has no version before the first', () => {
		expect(versionOn(versions, '2022-05-31')).toBeNull();
	});
});
