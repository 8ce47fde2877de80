import { expect } from 'vitest';
import { RED_FLAG_QUESTIONS } from '../../src/lib/domain/triage/assess';
import { browserFormPost } from './form-post';

type Step = 'history' | 'safety' | 'complaint' | 'red-flags' | 'measures';

/** A calm intake, answer by answer as the staff form posts it: no alert, no red flag, right-sided sciatica. */
const CALM: Record<Step, Record<string, string>> = {
	history: { diabetes: 'no', bleedingDisorder: 'no', pregnant: 'no' },
	safety: { bloodThinner: 'no', implantedDevice: 'no', fainting: 'no', needleFear: 'no' },
	complaint: {
		description: '右のお尻から太ももの裏が痛む',
		onset: 'gradual',
		durationValue: '3',
		durationUnit: 'weeks',
		side: 'right',
		'painBack.buttock-right': 'on'
	},
	// The self-check's own questions: worst leg pain in 24 hours, and the age when no date of birth gives it.
	'red-flags': { ...Object.fromEntries([...RED_FLAG_QUESTIONS, 'seenDoctor'].map((q) => [q, 'no'])), painNrs: '5', age: '34' },
	measures: {
		legPain: '5',
		backPain: '3',
		...{ psfs1Activity: '30分歩く', psfs1Score: '5', psfs2Activity: '車の運転', psfs2Score: '5', psfs3Activity: '靴下をはく', psfs3Score: '6' },
		...{ sbiLegPain: '3', sbiNumbness: '1', sbiWeakness: '0', sbiSittingPain: '3' }
	}
};

/** The intake as staff enter it on the chart: the calm answers with `changes` laid over each step, then sent. */
export async function enterIntakeAsStaff(
	base: string,
	cookie: string,
	chartPath: string,
	changes: Partial<Record<Step, Record<string, string>>> = {}
): Promise<void> {
	const post = (path: string, fields: Record<string, string>) => browserFormPost(base, path, fields, cookie);
	expect((await post(`${chartPath}/intake?/start`, {})).status).toBe(303);
	const steps = (Object.keys(CALM) as Step[]).map((step) => [step, { ...CALM[step], ...changes[step] }] as const);
	for (const [step, fields] of [...steps, ['review', {}] as const]) {
		const response = await post(`${chartPath}/intake/${step}`, fields);
		expect(response.status, step).toBe(303);
		expect(response.headers.get('location'), step).not.toMatch(/\/intake$/);
	}
}
