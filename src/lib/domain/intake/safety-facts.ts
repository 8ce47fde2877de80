/*
 * From intake answers to the safety facts the chart's alerts are derived from (safety/alerts.ts,
 * docs/clinical-rules.md §3). Unanswered steps contribute nothing; "not sure" counts as a caution, never as no.
 */
import type { IntakeSafetyFacts } from '../safety/alerts';
import type { IntakeAnswers } from './answers';

export function toSafetyFacts(answers: IntakeAnswers): IntakeSafetyFacts {
	const history = answers.history;
	const safety = answers.safety;
	const redFlags = answers['red-flags'];
	const pregnant: IntakeSafetyFacts['pregnant'] = history?.pregnant === 'yes' ? true : history?.pregnant === 'unsure' ? 'unknown' : false;
	const allergies = new Set(safety?.allergies ?? []);
	return {
		pregnant,
		// A patient who cannot say whether a tablet thins the blood is treated as if it does, until asked.
		anticoagulants: safety?.bloodThinner === 'yes' || safety?.bloodThinner === 'unsure',
		bleedingDisorder: history?.bleedingDisorder ?? false,
		pacemakerOrImplant: safety?.implantedDevice ?? false,
		// Asked once, as the red-flag question of docs/clinical-rules.md §1; it is also an infection risk (§3).
		immunosuppressed: redFlags?.immunosuppressed ?? false,
		diabetes: history?.diabetes ?? false,
		needleFear: safety?.needleFear ?? false,
		faintingHistory: safety?.fainting ?? false,
		skinProblemSites: [...(safety?.skinProblemSites ?? [])],
		lymphoedemaSites: [...(safety?.lymphoedemaSites ?? [])],
		metalAllergy: allergies.has('metal'),
		alcoholSwabAllergy: allergies.has('alcoholSwab'),
		tapeAllergy: allergies.has('tape')
	};
}
