import type { MessageKey } from '$lib/i18n/translate';
import type { TriageReason } from '$lib/domain/triage/assess';

/** Why the triage rules chose a level: a red flag answered yes, or a figure. */

export const TRIAGE_REASON_LABELS: Record<TriageReason, MessageKey> = {
	bladderBowelChange: 'check.reason.bladderBowelChange',
	saddleNumbness: 'check.reason.saddleNumbness',
	sexualDysfunction: 'check.reason.sexualDysfunction',
	bilateralLegSymptoms: 'check.reason.bilateralLegSymptoms',
	progressiveWeakness: 'check.reason.progressiveWeakness',
	suddenWeaknessOrNumbness: 'check.reason.suddenWeaknessOrNumbness',
	violentInjury: 'check.reason.violentInjury',
	feverOrUnwell: 'check.reason.feverOrUnwell',
	cancerHistory: 'check.reason.cancerHistory',
	unexplainedWeightLoss: 'check.reason.unexplainedWeightLoss',
	immunosuppressed: 'check.reason.immunosuppressed',
	severeNightPain: 'check.reason.severeNightPain',
	worsening: 'check.reason.worsening',
	durationOverAWeek: 'check.reason.durationOverAWeek',
	severePain: 'check.reason.severePain',
	underEighteen: 'check.reason.underEighteen'
};
