import { describe, expect, it } from 'vitest';
import { planFormInput, ZSavePlanSchema } from './schemas';

describe('planFormInput', () => {
	it('reads ticked points in the needling order with their side and depth, and the reasons', () => {
		const input = planFormInput({
			'point.BL40': 'on',
			'side.BL40': 'right',
			'deep.BL40': 'on',
			'point.EX-B2': 'on',
			'side.EX-B2': 'both',
			'side.GB34': 'left',
			'point.ZZ1': 'on',
			'goals.0': '30分歩く',
			frequencyPerWeek: '2',
			plannedSessions: '8',
			reviewDate: '2026-04-01',
			bloodletting: 'on',
			'ack.anticoagulants.bloodletting': '理由'
		});
		expect(input).toEqual({
			goals: ['30分歩く', '', '', '', ''],
			frequencyPerWeek: '2',
			plannedSessions: '8',
			reviewDate: '2026-04-01',
			points: [
				{ code: 'EX-B2', side: 'both', deep: false },
				{ code: 'BL40', side: 'right', deep: true }
			],
			electroacupuncture: false,
			moxibustion: false,
			bloodletting: true,
			notes: '',
			acknowledgements: { 'anticoagulants.bloodletting': '理由' }
		});
		const parsed = ZSavePlanSchema('2026-03-02').parse(input);
		expect(parsed).toMatchObject({ goals: ['30分歩く'], frequencyPerWeek: 2, plannedSessions: 8 });
	});

	it('accepts the review date today and refuses one more than two years ahead', () => {
		const base = planFormInput({ 'point.BL25': 'on', 'side.BL25': 'both', frequencyPerWeek: '1', plannedSessions: '6' });
		expect(ZSavePlanSchema('2026-03-02').safeParse({ ...base, reviewDate: '2026-03-02' }).success).toBe(true);
		expect(ZSavePlanSchema('2026-03-02').safeParse({ ...base, reviewDate: '2028-03-02' }).success).toBe(false);
		expect(ZSavePlanSchema('2026-03-02').safeParse({ ...base, reviewDate: '' }).success).toBe(false);
	});
});
