import { describe, expect, it } from 'vitest';
import { withChosenSlot } from './details-form';

const ID = '3f5297ef-9a73-4f7f-8c41-5cb9e8360ad9';

describe('a time chosen among those offered after a refusal', () => {
	it('sets the date and time, and the practitioner when the patient left it to the clinic', () => {
		expect(withChosenSlot({ practitioner: 'any', slot: `2026-12-08T10:30|${ID}`, familyName: '田中' })).toEqual({
			practitioner: 'any',
			slot: `2026-12-08T10:30|${ID}`,
			familyName: '田中',
			date: '2026-12-08',
			time: '10:30',
			with: ID
		});
	});

	it('keeps a practitioner the patient chose', () => {
		expect(withChosenSlot({ practitioner: ID, slot: `2026-12-08T10:30|${ID}` })).toMatchObject({ practitioner: ID, date: '2026-12-08', time: '10:30' });
		expect(withChosenSlot({ practitioner: ID, slot: `2026-12-08T10:30|${ID}` })).not.toHaveProperty('with');
	});

	it('leaves the form as posted without a well-formed choice', () => {
		for (const slot of [undefined, '', '2026-12-08', '2026-12-08T10:30|not-an-id', 'x2026-12-08T10:30']) {
			const values = { practitioner: 'any', date: '2026-12-09', time: '11:00', ...(slot === undefined ? {} : { slot }) };
			expect(withChosenSlot(values)).toEqual(values);
		}
	});
});
