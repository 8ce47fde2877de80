/**
 * The conditions 療養費 covers for はり・きゅう when a doctor consents (docs/clinical-rules.md §6): 神経痛,
 * リウマチ, 頸腕症候群, 五十肩, 腰痛症 and 頸椎捻挫後遺症. Stored by these codes; names are in the
 * message catalogue (`billing.condition.*`).
 */
export const INSURED_CONDITIONS = ['neuralgia', 'rheumatism', 'cervicobrachial_syndrome', 'frozen_shoulder', 'lumbago', 'whiplash_sequelae'] as const;
export type InsuredCondition = (typeof INSURED_CONDITIONS)[number];

export function isInsuredCondition(value: string): value is InsuredCondition {
	return (INSURED_CONDITIONS as readonly string[]).includes(value);
}
