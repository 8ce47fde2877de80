/* A complete set of calm answers, for tests of the intake: every step answered, nothing alarming. */
import { RED_FLAG_QUESTIONS, type RedFlagQuestion } from '../triage/assess';
import type { IntakeAnswers, StepAnswers } from './answers';

export function calmIntake(): Required<IntakeAnswers> {
	const flags = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])) as Record<RedFlagQuestion, boolean>;
	const answers: StepAnswers = {
		history: { conditions: '', operations: '', diabetes: false, bleedingDisorder: false, pregnant: 'no' },
		safety: {
			medicines: '',
			bloodThinner: 'no',
			bloodThinnerKinds: [],
			implantedDevice: false,
			allergies: [],
			otherAllergies: '',
			fainting: false,
			needleFear: false,
			skinProblemSites: [],
			skinProblemNote: '',
			lymphoedemaSites: []
		},
		complaint: {
			description: 'Pain from the left buttock down the back of the thigh',
			onset: 'gradual',
			durationValue: 5,
			durationUnit: 'days',
			side: 'left',
			painFront: [],
			painBack: ['buttock-left', 'thigh-left'],
			worseWith: ['sitting'],
			betterWith: ['lyingDown'],
			work: 'Office work',
			activities: 'Walking'
		},
		'red-flags': { ...flags, seenDoctor: false, painNrs: 4 },
		measures: {
			legPain: 5,
			backPain: 3,
			psfs: [
				{ activity: 'Sitting at work', score: 4 },
				{ activity: 'Walking 30 minutes', score: 5 },
				{ activity: 'Putting on socks', score: 6 }
			],
			sbi: [4, 2, 1, 5]
		}
	};
	return answers;
}
