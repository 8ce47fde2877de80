/*
 * The parts of Patient/$everything after the patient and their visits. Each section reads one
 * capability's data and maps it with the pure mappers of domain/fhir. A new part of the clinical
 * record (the examination, the treatment plan) joins the export by adding one builder here.
 */
import { sessionAdverseEvent, sideEffectAdverseEvent } from '../../domain/fhir/adverse-events';
import type { FhirContext } from '../../domain/fhir/codes';
import { toFhirConsents } from '../../domain/fhir/consent';
import { intakeQuestionnaireResponse, sciaticaCondition } from '../../domain/fhir/intake';
import { checkInObservations } from '../../domain/fhir/observations';
import { sessionProcedure } from '../../domain/fhir/procedure';
import type { FhirResource } from '../../domain/fhir/types';
import { selectDocuments, selectSignatures } from '../consent/consent-repository';
import type { Db } from '../db/database';
import { selectCheckIns } from '../outcomes/outcome-repository';
import { selectAdverseEvents, selectIntakes, selectSessionPoints, selectSessions, selectSideEffectReports } from './everything-repository';

export interface EverythingScope extends FhirContext {
	db: Db;
	patientId: string;
	/** Appointments exported as Encounters (set before the sections run). */
	encounterIds: ReadonlySet<string>;
	/** Sessions exported as Procedures; the sessions section fills it for the sections after it. */
	procedureIds: Set<string>;
}

export type SectionBuilder = (scope: EverythingScope) => Promise<FhirResource[]>;

/** QuestionnaireResponse per intake; the submitted complaint as the sciatica Condition. */
export const intakeSection: SectionBuilder = async (scope) => {
	const intakes = await selectIntakes(scope.db, scope.patientId);
	return intakes.flatMap((intake) => {
		const condition = sciaticaCondition(intake);
		return condition ? [condition, intakeQuestionnaireResponse(intake, scope)] : [intakeQuestionnaireResponse(intake, scope)];
	});
};

export const consentSection: SectionBuilder = async (scope) => {
	const [documents, signatures] = await Promise.all([selectDocuments(scope.db), selectSignatures(scope.db, scope.patientId)]);
	const titles = new Map(documents.map((d) => [d.id, d.titleJa]));
	const answers = signatures.map((s) => ({ ...s, title: titles.get(s.documentId) ?? s.kind }));
	return toFhirConsents(scope.patientId, answers, scope);
};

export const outcomeSection: SectionBuilder = async (scope) => {
	const checkIns = await selectCheckIns(scope.db, scope.patientId);
	return checkIns.flatMap((checkIn) => checkInObservations(scope.patientId, checkIn, scope));
};

export const sessionSection: SectionBuilder = async (scope) => {
	const sessions = await selectSessions(scope.db, scope.patientId);
	const points = await selectSessionPoints(scope.db, sessions.map((s) => s.id));
	for (const session of sessions) scope.procedureIds.add(session.id);
	return sessions.map((session) => sessionProcedure(session, points.get(session.id) ?? [], scope));
};

export const adverseEventSection: SectionBuilder = async (scope) => {
	const [reports, events] = await Promise.all([selectSideEffectReports(scope.db, scope.patientId), selectAdverseEvents(scope.db, scope.patientId)]);
	return [...reports.map((r) => sideEffectAdverseEvent(r, scope)), ...events.map((e) => sessionAdverseEvent(e, scope))];
};

/** In order: a section may rely on what the ones before it recorded in the scope. */
export const SECTION_BUILDERS: readonly SectionBuilder[] = [intakeSection, consentSection, outcomeSection, sessionSection, adverseEventSection];
