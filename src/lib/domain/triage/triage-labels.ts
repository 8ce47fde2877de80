import type { MessageKey } from '$lib/i18n/translate';
import type { RedFlagQuestion, TriageLevel, TriageReason } from './assess';

/*
 * Typed label maps for the self-check (issue #21): every key is written out, so a new question,
 * reason or level without words is a type error and the build finds the keys a page needs.
 */

/** Each question as the self-check and the intake ask it. */
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

/** Each reason the rules give, as the result lists it. */
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

/** The result's heading. */
export const TRIAGE_LEVEL_LABELS: Record<TriageLevel, MessageKey> = {
	emergency: 'check.level.emergency',
	urgent: 'check.level.urgent',
	see_doctor: 'check.level.see_doctor',
	routine: 'check.level.routine'
};

/** What the result tells the person to do. */
export const TRIAGE_ADVICE_LABELS: Record<TriageLevel, MessageKey> = {
	emergency: 'check.advice.emergency',
	urgent: 'check.advice.urgent',
	see_doctor: 'check.advice.see_doctor',
	routine: 'check.advice.routine'
};
