import { describe, expect, it } from 'vitest';
import type { IntakeAnswers } from '../../domain/intake/answers';
import { calmIntake } from '../../domain/intake/fixtures';
import { toFormValues } from '../../domain/intake/form-fields';
import { ANSWER_STEPS } from '../../domain/intake/steps';
import { fieldErrorsFrom } from '../http/field-errors';
import { ZIntakeComplaintSchema, ZIntakeMeasuresSchema, ZIntakeSafetySchema, ZIntakeStepSchemas } from './schemas';

function richIntake(): Required<IntakeAnswers> {
	const a = calmIntake();
	return {
		history: { conditions: 'High blood pressure\nAsthma', operations: 'Appendix, 2001', diabetes: true, bleedingDisorder: true, pregnant: 'unsure' },
		safety: {
			medicines: 'Eliquis 5 mg',
			bloodThinner: 'yes',
			bloodThinnerKinds: ['doac', 'antiplatelet'],
			implantedDevice: true,
			allergies: ['metal', 'tape'],
			otherAllergies: 'Latex',
			fainting: true,
			needleFear: true,
			skinProblemSites: ['lowerBack'],
			skinProblemNote: 'Eczema',
			lymphoedemaSites: ['lowerLeg', 'ankleFoot']
		},
		complaint: {
			...a.complaint,
			onset: 'sudden',
			durationUnit: 'months',
			side: 'both',
			painFront: ['thigh-right', 'knee-left'],
			worseWith: ['coughingSneezing', 'bending'],
			betterWith: ['bendingForward', 'warmth']
		},
		'red-flags': { ...a['red-flags'], saddleNumbness: true, worsening: true, seenDoctor: true },
		measures: { ...a.measures, psfs: [...a.measures.psfs, { activity: 'Climbing stairs', score: 0 }, { activity: 'Gardening', score: 10 }], sbi: [0, 6, 3, 6] }
	};
}

describe('the intake step schemas', () => {
	it('read back every step exactly as it was saved (form values round trip)', () => {
		for (const answers of [calmIntake(), richIntake()]) {
			for (const step of ANSWER_STEPS) {
				const parsed = ZIntakeStepSchemas[step].safeParse(toFormValues(step, answers));
				expect(parsed.success, step).toBe(true);
				expect(parsed.data, step).toEqual(answers[step]);
			}
		}
	});

	it('collects ticked checkboxes in catalogue order and ignores names the form never offers', () => {
		const values = {
			...toFormValues('complaint', calmIntake()),
			'painBack.thigh-left': 'on',
			'painBack.buttock-left': 'on',
			'painBack.brain-left': 'on',
			'painFront.lowerBack-left': 'on',
			'worseWith.walking': 'yes'
		};
		const parsed = ZIntakeComplaintSchema.parse(values);
		expect(parsed.painBack).toEqual(['buttock-left', 'thigh-left']);
		expect(parsed.painFront).toEqual([]);
		expect(parsed.worseWith).toEqual(['sitting']);
	});

	it('accepts full-width digits and tidies free text but keeps its lines', () => {
		const parsed = ZIntakeComplaintSchema.parse({
			...toFormValues('complaint', calmIntake()),
			durationValue: '１２',
			description: '  左の　お尻から\r\n\r\n\r\n\r\n太ももの裏  '
		});
		expect(parsed.durationValue).toBe(12);
		expect(parsed.description).toBe('左の お尻から\n\n太ももの裏');
	});

	it('requires every yes/no answer and names the field', () => {
		const { diabetes: _, ...history } = toFormValues('history', calmIntake());
		const result = ZIntakeStepSchemas.history.safeParse(history);
		expect(result.success).toBe(false);
		expect(fieldErrorsFrom(result.error!, 'en', history)).toEqual({ diabetes: 'Choose one of the options.' });
	});

	it('refuses numbers out of range with a message per scale, in Japanese and English', () => {
		const values = { ...toFormValues('measures', calmIntake()), legPain: '11', backPain: '-1', sbiNumbness: '7', sbiWeakness: '2.5' };
		const result = ZIntakeMeasuresSchema.safeParse(values);
		expect(result.success).toBe(false);
		const en = fieldErrorsFrom(result.error!, 'en', values);
		expect(Object.keys(en).sort()).toEqual(['backPain', 'legPain', 'sbiNumbness', 'sbiWeakness']);
		expect(en.legPain).toMatch(/0 to 10/);
		expect(en.sbiNumbness).toMatch(/0 to 6/);
		expect(fieldErrorsFrom(result.error!, 'ja', values).legPain).toMatch(/0.*10/);
	});

	it('asks for at least three PSFS activities, each with its score', () => {
		const values = { ...toFormValues('measures', calmIntake()), psfs2Score: '', psfs3Activity: '', psfs4Score: '3' };
		const result = ZIntakeMeasuresSchema.safeParse(values);
		expect(result.success).toBe(false);
		const fields = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
		expect(fields).toEqual({
			psfs2Score: 'intake.error.psfsScoreMissing',
			psfs3Activity: 'intake.error.psfsActivityMissing',
			psfs4Activity: 'intake.error.psfsActivityMissing',
			psfs5Activity: 'intake.error.psfsTooFew'
		});
	});

	it('refuses an unknown choice and an oversized text, never a crash', () => {
		const values = { ...toFormValues('safety', calmIntake()), bloodThinner: 'maybe', medicines: 'x'.repeat(10_000_000) };
		const result = ZIntakeSafetySchema.safeParse(values);
		expect(result.success).toBe(false);
		const en = fieldErrorsFrom(result.error!, 'en', values);
		expect(en.bloodThinner).toBe('Choose one of the options.');
		expect(en.medicines).toMatch(/at most/);
	});
});
