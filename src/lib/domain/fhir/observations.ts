/*
 * One Observation per measure of an outcome check-in (docs/clinical-rules.md §4). Pain NRS carries LOINC
 * 72514-3; PSFS, SBI and PGIC have no LOINC code we could confirm, so they are coded in our own
 * outcome-measure system, never with an invented LOINC code. Values are scores in UCUM `{score}`.
 */
import { SBI_ITEMS } from '../intake/answers';
import type { CheckIn } from '../outcomes/check-in';
import { compact, concept, HL7, localCoding, PAIN_NRS, referenceTo, score, type FhirContext } from './codes';
import type { CodeableConcept, Observation, ObservationComponent } from './types';

export const SURVEY: CodeableConcept = { coding: [{ system: HL7.observationCategory, code: 'survey', display: 'Survey' }] };

/** The codes of the outcome-measure system: the instrument codes of domain/outcomes. */
export const MEASURE_CODES = {
	legPain: { code: 'leg_pain_nrs', display: 'Leg pain (0-10 NRS)' },
	backPain: { code: 'back_pain_nrs', display: 'Back pain (0-10 NRS)' },
	psfs: { code: 'psfs', display: 'Patient-Specific Functional Scale (mean, 0-10)' },
	sbi: { code: 'sbi', display: 'Sciatica Bothersomeness Index (sum, 0-24)' },
	pgic: { code: 'pgic', display: 'Patient Global Impression of Change (1-7)' }
} as const;

const SBI_ITEM_CODES: Record<(typeof SBI_ITEMS)[number], { code: string; display: string }> = {
	legPain: { code: 'leg_pain', display: 'Leg pain' },
	numbness: { code: 'numbness', display: 'Numbness or tingling in the leg or foot' },
	weakness: { code: 'weakness', display: 'Weakness in the leg or foot' },
	sittingPain: { code: 'sitting_pain', display: 'Back or leg pain when sitting' }
};

export interface ObservationContext extends FhirContext {
	/** Appointments that became Encounters: only those may be referenced. */
	encounterIds: ReadonlySet<string>;
}

/** PSFS is scored as the mean of the activities, to one decimal as the chart shows it. */
function mean(values: readonly number[]): number {
	return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

export function checkInObservations(patientId: string, checkIn: CheckIn, ctx: ObservationContext): Observation[] {
	const base = (suffix: string, code: CodeableConcept) =>
		compact({
			resourceType: 'Observation' as const,
			id: `${checkIn.id}-${suffix}`,
			status: 'final' as const,
			category: [SURVEY],
			code,
			subject: referenceTo('Patient', patientId),
			encounter: checkIn.appointmentId && ctx.encounterIds.has(checkIn.appointmentId) ? referenceTo('Encounter', checkIn.appointmentId) : undefined,
			effectiveDateTime: checkIn.recordedAt
		});
	const measure = (key: keyof typeof MEASURE_CODES) => localCoding(ctx, 'outcome-measure', MEASURE_CODES[key].code, MEASURE_CODES[key].display);
	const observations: Observation[] = [];

	if (checkIn.legPain !== null) {
		observations.push({ ...base('leg-pain', { coding: [PAIN_NRS, measure('legPain')], text: 'Leg pain' }), valueQuantity: score(checkIn.legPain) });
	}
	if (checkIn.backPain !== null) {
		observations.push({ ...base('back-pain', { coding: [PAIN_NRS, measure('backPain')], text: 'Back pain' }), valueQuantity: score(checkIn.backPain) });
	}
	if (checkIn.psfs && checkIn.psfs.length > 0) {
		const component: ObservationComponent[] = checkIn.psfs.map((item, i) => ({
			code: concept(localCoding(ctx, 'psfs-item', `activity-${i + 1}`, `Activity ${i + 1}`), item.activity),
			valueQuantity: score(item.score)
		}));
		observations.push({
			...base('psfs', concept(measure('psfs'), 'PSFS')),
			valueQuantity: score(mean(checkIn.psfs.map((p) => p.score))),
			component
		});
	}
	if (checkIn.sbi && checkIn.sbi.length === SBI_ITEMS.length) {
		const answers = checkIn.sbi;
		observations.push({
			...base('sbi', concept(measure('sbi'), 'SBI')),
			valueQuantity: score(answers.reduce((a, b) => a + b, 0)),
			component: SBI_ITEMS.map((item, i) => ({
				code: concept(localCoding(ctx, 'sbi-item', SBI_ITEM_CODES[item].code, SBI_ITEM_CODES[item].display)),
				valueQuantity: score(answers[i]!)
			}))
		});
	}
	if (checkIn.pgic !== null) {
		observations.push({ ...base('pgic', concept(measure('pgic'), 'PGIC')), valueQuantity: score(checkIn.pgic) });
	}
	return observations;
}
