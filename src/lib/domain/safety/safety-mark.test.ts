import { describe, expect, it } from 'vitest';
import { safetyMarksFor } from './safety-mark';

const alerts = [
	{ code: 'pregnancy', severity: 'caution' },
	{ code: 'implantedDevice', severity: 'contraindication' }
] as const;

describe('safety marks for a viewer who may not read clinical facts (issue #16)', () => {
	it('shows every alert to whoever may read clinical facts', () => {
		expect(safetyMarksFor(alerts, true)).toEqual(alerts);
	});

	it('shows one "ask the practitioner" mark with no diagnosis, as severe as the worst alert', () => {
		expect(safetyMarksFor(alerts, false)).toEqual([{ code: 'askPractitioner', severity: 'contraindication' }]);
		expect(safetyMarksFor([alerts[0]], false)).toEqual([{ code: 'askPractitioner', severity: 'caution' }]);
		expect(JSON.stringify(safetyMarksFor(alerts, false))).not.toMatch(/pregnan|device/i);
	});

	it('shows nothing when there is nothing to ask', () => {
		expect(safetyMarksFor([], false)).toEqual([]);
	});
});
