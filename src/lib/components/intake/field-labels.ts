import { RED_FLAG_QUESTION_LABELS } from '../../labels/red-flag-question-labels';
import type { MessageKey, Translate } from '$lib/i18n/translate';

const LABELS: Record<string, MessageKey> = {
	conditions: 'intake.history.conditions',
	operations: 'intake.history.operations',
	diabetes: 'intake.history.diabetes',
	bleedingDisorder: 'intake.history.bleedingDisorder',
	pregnant: 'intake.history.pregnant',
	medicines: 'intake.safety.medicines',
	bloodThinner: 'intake.safety.bloodThinner',
	implantedDevice: 'intake.safety.implantedDevice',
	otherAllergies: 'intake.safety.otherAllergies',
	fainting: 'intake.safety.fainting',
	needleFear: 'intake.safety.needleFear',
	skinProblemNote: 'intake.safety.skinProblemNote',
	description: 'intake.complaint.description',
	onset: 'intake.complaint.onset',
	durationValue: 'intake.complaint.duration',
	durationUnit: 'intake.complaint.durationUnit',
	side: 'intake.complaint.side',
	work: 'intake.complaint.work',
	activities: 'intake.complaint.activities',
	legPain: 'intake.measures.legPain',
	backPain: 'intake.measures.backPain',
	sbiLegPain: 'intake.measures.sbi.legPain',
	sbiNumbness: 'intake.measures.sbi.numbness',
	sbiWeakness: 'intake.measures.sbi.weakness',
	sbiSittingPain: 'intake.measures.sbi.sittingPain',
	painNrs: 'check.pain',
	age: 'check.age',
	...RED_FLAG_QUESTION_LABELS
};

/** The question a field asks, to name it in the error summary; null for a field without one. */
export function fieldLabel(t: Translate, field: string): string | null {
	const psfs = /^psfs(\d)(Activity|Score)$/.exec(field);
	if (psfs) return t(psfs[2] === 'Activity' ? 'intake.measures.psfsActivity' : 'intake.measures.psfsScore', { n: Number(psfs[1]) });
	const key = LABELS[field];
	return key ? t(key) : null;
}
