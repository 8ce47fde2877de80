/*
 * The sciatica examination (issue #7, docs/clinical-rules.md §2) as exam Observations: the straight-leg raise
 * per leg (UCUM degrees), the crossed raise, the knee and ankle reflexes, muscle strength (MRC 0–5)
 * and reduced sensation per root territory. The legs are SNOMED CT body structures; the tests have
 * no SNOMED CT or LOINC code we could confirm, so, like PSFS, they are coded in our own
 * exam-finding system rather than with a guessed standard code.
 */
import { MUSCLES, REFLEXES, ROOTS, slrPositive, type ExamFindings, type Muscle, type Reflex, type Root } from '../clinical/examination';
import { compact, concept, degrees, HL7, localCoding, LOWER_LIMB, referenceTo, score, type FhirContext } from './codes';
import type { CodeableConcept, Observation, ObservationComponent, ObservationValue } from './types';

export interface ExaminationRow {
	id: string;
	patient_id: string;
	appointment_id: string | null;
	/** The practitioner row of the staff member who examined, when there is one. */
	practitioner_id: string | null;
	kind: 'initial' | 'reassessment';
	examined_at: string;
	updated_at: string;
	/** Stored findings, already read back with normaliseFindings. */
	findings: ExamFindings;
	suggested_root: string | null;
	/** 'L4' | 'L5' | 'S1' | 'unclear'; null until the practitioner confirms. */
	confirmed_root: string | null;
	pattern: string | null;
	red_flag_positive: number;
}

export interface ExaminationContext extends FhirContext {
	encounterIds: ReadonlySet<string>;
}

const EXAM: CodeableConcept = { coding: [{ system: HL7.observationCategory, code: 'exam', display: 'Exam' }] };

/** The codes of the exam-finding system. */
export const FINDING_CODES = {
	slrAngle: { code: 'slr_angle', display: 'Straight leg raise angle' },
	slrReproducesPain: { code: 'slr_reproduces_pain', display: 'Straight leg raise reproduces the leg pain' },
	crossedSlr: { code: 'crossed_slr', display: 'Crossed straight leg raise reproduces pain in the affected leg' },
	reflexes: { code: 'reflexes', display: 'Deep tendon reflexes of the leg' },
	strength: { code: 'muscle_strength', display: 'Muscle strength of the leg (Medical Research Council grade 0-5)' },
	sensation: { code: 'reduced_sensation', display: 'Reduced touch sensation by nerve root territory' }
} as const;

const REFLEX_CODES: Record<Reflex, { code: string; display: string }> = {
	knee: { code: 'knee_reflex', display: 'Knee jerk (patellar reflex)' },
	ankle: { code: 'ankle_reflex', display: 'Ankle jerk (Achilles reflex)' }
};

const MUSCLE_CODES: Record<Muscle, { code: string; display: string }> = {
	ankleDorsiflexion: { code: 'ankle_dorsiflexion', display: 'Ankle dorsiflexion' },
	bigToeExtension: { code: 'big_toe_extension', display: 'Big-toe extension' },
	plantarFlexion: { code: 'plantar_flexion', display: 'Plantar flexion' },
	kneeExtension: { code: 'knee_extension', display: 'Knee extension' }
};

const GRADE_DISPLAY = { normal: 'Normal', reduced: 'Reduced', absent: 'Absent' } as const;

/** v3 ObservationInterpretation POS / NEG: how a test came out, beside what was measured. */
function interpretation(positive: boolean): CodeableConcept[] {
	return [concept({ system: HL7.observationInterpretation, code: positive ? 'POS' : 'NEG', display: positive ? 'Positive' : 'Negative' })];
}

const sensationCode = (root: Root) => ({ code: `sensation_${root.toLowerCase()}`, display: `Touch sensation reduced in the ${root} territory` });

export function examinationObservations(exam: ExaminationRow, ctx: ExaminationContext): Observation[] {
	const finding = (key: keyof typeof FINDING_CODES) => localCoding(ctx, 'exam-finding', FINDING_CODES[key].code, FINDING_CODES[key].display);
	const observation = (
		suffix: string,
		code: CodeableConcept,
		value: ObservationValue & Partial<Pick<Observation, 'bodySite' | 'interpretation' | 'component'>>
	): Observation =>
		compact({
			resourceType: 'Observation' as const,
			id: `${exam.id}-${suffix}`,
			status: 'final' as const,
			category: [EXAM],
			code,
			subject: referenceTo('Patient', exam.patient_id),
			encounter: exam.appointment_id && ctx.encounterIds.has(exam.appointment_id) ? referenceTo('Encounter', exam.appointment_id) : undefined,
			effectiveDateTime: exam.examined_at,
			performer: exam.practitioner_id ? [referenceTo('Practitioner', exam.practitioner_id)] : undefined,
			...value
		});
	const f = exam.findings;
	const observations: Observation[] = [];

	for (const side of ['left', 'right'] as const) {
		const s = f[side];
		const bodySite = concept(LOWER_LIMB[side], `${side === 'left' ? 'Left' : 'Right'} leg`);
		// An angle left empty means the raise was not done on that leg: nothing to export.
		if (s.slrAngle !== null) {
			observations.push(
				observation(`slr-${side}`, concept(finding('slrAngle'), 'Straight leg raise'), {
					valueQuantity: degrees(s.slrAngle),
					interpretation: interpretation(slrPositive(s.slrAngle, s.slrReproducesPain)),
					bodySite,
					component: [{ code: concept(finding('slrReproducesPain')), valueBoolean: s.slrReproducesPain }]
				})
			);
		}
		observations.push(
			observation(`reflexes-${side}`, concept(finding('reflexes'), 'Reflexes'), {
				bodySite,
				component: REFLEXES.map((reflex): ObservationComponent => ({
					code: concept(localCoding(ctx, 'exam-finding', REFLEX_CODES[reflex].code, REFLEX_CODES[reflex].display)),
					valueCodeableConcept: concept(localCoding(ctx, 'reflex-grade', s.reflexes[reflex], GRADE_DISPLAY[s.reflexes[reflex]]))
				}))
			}),
			observation(`strength-${side}`, concept(finding('strength'), 'Muscle strength'), {
				bodySite,
				component: MUSCLES.map((muscle) => ({
					code: concept(localCoding(ctx, 'exam-finding', MUSCLE_CODES[muscle].code, MUSCLE_CODES[muscle].display)),
					valueQuantity: score(s.strength[muscle])
				}))
			}),
			observation(`sensation-${side}`, concept(finding('sensation'), 'Sensation'), {
				bodySite,
				component: ROOTS.map((root) => ({
					code: concept(localCoding(ctx, 'exam-finding', sensationCode(root).code, sensationCode(root).display)),
					valueBoolean: s.reducedSensation.includes(root)
				}))
			})
		);
	}
	observations.push(
		observation('crossed-slr', concept(finding('crossedSlr'), 'Crossed straight leg raise'), {
			valueBoolean: f.crossedSlr,
			interpretation: interpretation(f.crossedSlr)
		})
	);
	return observations;
}
