import { describe, expect, it } from 'vitest';
import { deriveSafetyAlerts, noSafetyFacts } from '../safety/alerts';
import { calmIntake } from './fixtures';
import { toSafetyFacts } from './safety-facts';

const NOTHING = noSafetyFacts();

describe('toSafetyFacts', () => {
	it('knows nothing before any step is answered', () => {
		expect(toSafetyFacts({})).toEqual(NOTHING);
	});

	it('finds nothing in calm answers, so the chart shows no alert', () => {
		expect(toSafetyFacts(calmIntake())).toEqual(NOTHING);
		expect(deriveSafetyAlerts(toSafetyFacts(calmIntake()))).toEqual([]);
	});

	it('maps pregnancy yes, no and not sure', () => {
		const a = calmIntake();
		expect(toSafetyFacts({ history: { ...a.history, pregnant: 'yes' } }).pregnant).toBe(true);
		expect(toSafetyFacts({ history: { ...a.history, pregnant: 'no' } }).pregnant).toBe(false);
		expect(toSafetyFacts({ history: { ...a.history, pregnant: 'unsure' } }).pregnant).toBe('unknown');
	});

	it('treats a blood thinner the patient is unsure about as a blood thinner', () => {
		const a = calmIntake();
		expect(toSafetyFacts({ safety: { ...a.safety, bloodThinner: 'yes', bloodThinnerKinds: ['warfarin'] } }).anticoagulants).toBe(true);
		expect(toSafetyFacts({ safety: { ...a.safety, bloodThinner: 'unsure' } }).anticoagulants).toBe(true);
		expect(toSafetyFacts({ safety: { ...a.safety, bloodThinner: 'no' } }).anticoagulants).toBe(false);
	});

	it('takes immune suppression from the red-flag question, asked only once', () => {
		const a = calmIntake();
		expect(toSafetyFacts({ 'red-flags': { ...a['red-flags'], immunosuppressed: true } }).immunosuppressed).toBe(true);
	});

	it('maps every history and safety answer onto its fact', () => {
		const a = calmIntake();
		const facts = toSafetyFacts({
			history: { ...a.history, diabetes: true, bleedingDisorder: true },
			safety: {
				...a.safety,
				implantedDevice: true,
				allergies: ['metal', 'alcoholSwab', 'tape'],
				fainting: true,
				needleFear: true,
				skinProblemSites: ['lowerBack', 'thigh'],
				lymphoedemaSites: ['lowerLeg']
			}
		});
		expect(facts).toEqual({
			...NOTHING,
			diabetes: true,
			bleedingDisorder: true,
			pacemakerOrImplant: true,
			metalAllergy: true,
			alcoholSwabAllergy: true,
			tapeAllergy: true,
			faintingHistory: true,
			needleFear: true,
			skinProblemSites: ['lowerBack', 'thigh'],
			lymphoedemaSites: ['lowerLeg']
		});
		expect(deriveSafetyAlerts(facts).map((alert) => alert.code)).toEqual([
			'bleedingDisorder',
			'implantedDevice',
			'diabetes',
			'skinProblemSites',
			'lymphoedemaSites',
			'needleFear',
			'faintingHistory',
			'metalAllergy',
			'alcoholSwabAllergy',
			'tapeAllergy'
		]);
	});

	it('each allergy alone sets only its own fact', () => {
		const a = calmIntake();
		expect(toSafetyFacts({ safety: { ...a.safety, allergies: ['tape'] } })).toEqual({ ...NOTHING, tapeAllergy: true });
		expect(toSafetyFacts({ safety: { ...a.safety, allergies: ['metal'] } })).toEqual({ ...NOTHING, metalAllergy: true });
	});
});
