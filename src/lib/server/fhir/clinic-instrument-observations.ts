/*
 * A score on one of the clinic's own instruments (docs/clinical-rules.md §4) as a survey Observation, coded in
 * the outcome-measure system beside the built-in measures: a clinic's code can never be a built-in
 * one (readClinicInstrument refuses it), so the two are not confused. The score is the one stored
 * when it was recorded, so a later edit of the definition file does not change what is exported.
 */
import { compact, localCoding, referenceTo, score } from '../../domain/fhir/codes';
import { SURVEY, type ObservationContext } from '../../domain/fhir/observations';
import type { Observation } from '../../domain/fhir/types';
import type { Instrument } from '../../domain/outcomes/instrument';
import type { StoredInstrumentScore } from '../outcomes/instrument-score-repository';

/**
 * `instrument` is the loaded definition with the score's code; undefined once its file is gone. The
 * score is still part of the record then, and goes out under its code, the only name left for it.
 */
export function instrumentScoreObservation(
	patientId: string,
	stored: StoredInstrumentScore,
	instrument: Instrument | undefined,
	ctx: ObservationContext
): Observation {
	return compact({
		resourceType: 'Observation' as const,
		id: stored.id,
		status: 'final' as const,
		category: [SURVEY],
		code: {
			coding: [localCoding(ctx, 'outcome-measure', stored.instrumentCode, instrument?.name.en)],
			text: instrument?.name.ja ?? stored.instrumentCode
		},
		subject: referenceTo('Patient', patientId),
		encounter: stored.appointmentId && ctx.encounterIds.has(stored.appointmentId) ? referenceTo('Encounter', stored.appointmentId) : undefined,
		effectiveDateTime: stored.at,
		valueQuantity: score(stored.value)
	});
}
