import { describe, expect, it } from 'vitest';
import { amendmentChanges, chartedPoints, pointCatalogue, recordedCautions } from './session-page';

describe('what the session record page gets from the server instead of shipping it (issue #21)', () => {
	it('names every point of the atlas in the page language, with where the picker marks it', () => {
		const ja = pointCatalogue('ja').find((p) => p.code === 'BL40');
		const en = pointCatalogue('en').find((p) => p.code === 'BL40');
		expect(ja).toMatchObject({ name: '委中', chart: { view: 'back' } });
		expect(en?.name).toBe('Weizhong');
	});

	it('charts each recorded point once and leaves out a code the atlas does not know', () => {
		expect(chartedPoints(['GB30', 'GB30', 'XX99']).map((p) => p.code)).toEqual(['GB30']);
	});

	it('gives the cautions only of points that have some', () => {
		const cautions = recordedCautions(['GB30', 'BL23'], 'ja');
		expect(cautions.GB30).toContain('坐骨神経');
		expect(cautions.BL23).toContain('腎臓');
		expect(Object.keys(recordedCautions(['XX99'], 'en'))).toEqual([]);
	});

	it('words an amendment field by field, as the record showed it', () => {
		const rows = amendmentChanges(
			{ needlesIn: 5, points: [{ code: 'GB30' }], notes: '' },
			{ needlesIn: 6, points: [{ code: 'GB30' }, { code: 'BL40' }], notes: 'x' },
			'en'
		);
		expect(rows).toEqual([
			{ field: 'needlesIn', label: 'Needles inserted', before: '5', after: '6' },
			{ field: 'points', label: 'Points', before: 'GB30', after: 'GB30, BL40' },
			{ field: 'notes', label: 'Notes', before: '—', after: 'x' }
		]);
		expect(amendmentChanges({ electroacupuncture: { pairs: 2, minutes: 15 } }, { somethingNew: null }, 'ja')).toEqual([
			{ field: 'electroacupuncture', label: '低周波鍼通電', before: 'pairs: 2, minutes: 15', after: '—' },
			{ field: 'somethingNew', label: 'somethingNew', before: '—', after: '—' }
		]);
	});
});
