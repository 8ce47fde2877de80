import type { MessageKey } from '$lib/i18n/translate';
import type { RedFlagQuestion } from '$lib/domain/triage/assess';

/** The self-check questions, as asked. */

export const RED_FLAG_QUESTION_LABELS: Record<RedFlagQuestion | 'seenDoctor', MessageKey> = {
	bladderBowelChange: 'check.q.bladderBowelChange',
	saddleNumbness: 'check.q.saddleNumbness',
	sexualDysfunction: 'check.q.sexualDysfunction',
	bilateralLegSymptoms: 'check.q.bilateralLegSymptoms',
	progressiveWeakness: 'check.q.progressiveWeakness',
	suddenWeaknessOrNumbness: 'check.q.suddenWeaknessOrNumbness',
	violentInjury: 'check.q.violentInjury',
	feverOrUnwell: 'check.q.feverOrUnwell',
	cancerHistory: 'check.q.cancerHistory',
	unexplainedWeightLoss: 'check.q.unexplainedWeightLoss',
	immunosuppressed: 'check.q.immunosuppressed',
	severeNightPain: 'check.q.severeNightPain',
	worsening: 'check.q.worsening',
	seenDoctor: 'check.q.seenDoctor'
};
