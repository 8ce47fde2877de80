/*
 * The parts of Patient/$everything after the patient and their visits. Each section reads one
 * capability's data and maps it with the pure mappers of domain/fhir. A new part of the clinical
 * record joins the export by adding one builder here.
 */
import { sessionAdverseEvent, sideEffectAdverseEvent } from '../../domain/fhir/adverse-events';
import { examinationImpression, settlingExamination, withExamination } from '../../domain/fhir/assessment';
import { treatmentPlansResources } from '../../domain/fhir/care-plan';
import type { FhirContext } from '../../domain/fhir/codes';
import { toFhirConsents } from '../../domain/fhir/consent';
import { examinationObservations } from '../../domain/fhir/examination';
import { intakeQuestionnaireResponse, sciaticaCondition } from '../../domain/fhir/intake';
import { checkInObservations } from '../../domain/fhir/observations';
import { sessionProcedure } from '../../domain/fhir/procedure';
import type { FhirResource } from '../../domain/fhir/types';
import { selectDocuments, selectSignatures } from '../consent/consent-repository';
import type { Db } from '../db/database';
import { clinicInstruments } from '../outcomes/clinic-instruments';
import { selectInstrumentScores } from '../outcomes/instrument-score-repository';
import { selectCheckIns } from '../outcomes/outcome-repository';
import { instrumentScoreObservation } from './clinic-instrument-observations';
import {
	selectAdverseEvents,
	selectExaminations,
	selectIntakes,
	selectPlans,
	selectSessionPoints,
	selectSessions,
	selectSideEffectReports
} from './everything-repository';

export interface EverythingScope extends FhirContext {
	db: Db;
	patientId: string;
	/** Appointments exported as Encounters (set before the sections run). */
	encounterIds: ReadonlySet<string>;
	/** Sessions exported as Procedures; the sessions section fills it for the sections after it. */
	procedureIds: Set<string>;
	/** The sciatica Condition being treated; the problem section sets it for the plan section. */
	problemId: string | null;
}

export type SectionBuilder = (scope: EverythingScope) => Promise<FhirResource[]>;

/**
 * What is being treated: a QuestionnaireResponse per intake, the submitted complaint as the
 * sciatica Condition, and per examination its findings as Observations under a ClinicalImpression.
 * The newest complaint is the problem; the newest examination that settled the root confirms it.
 */
export const problemSection: SectionBuilder = async (scope) => {
	const [intakes, exams] = await Promise.all([selectIntakes(scope.db, scope.patientId), selectExaminations(scope.db, scope.patientId)]);
	const conditions = intakes.map((intake) => sciaticaCondition(intake));
	const problem = conditions.findLast((c) => c !== null) ?? null;
	scope.problemId = problem?.id ?? null;
	const findings = new Map(exams.map((exam) => [exam.id, examinationObservations(exam, scope)]));
	const settling = settlingExamination(exams);
	const settled = problem ? withExamination(problem, settling, settling ? findings.get(settling.id)! : [], scope) : null;
	return [
		...intakes.flatMap((intake, i) => {
			const condition = conditions[i] === problem ? settled : conditions[i];
			return condition ? [condition, intakeQuestionnaireResponse(intake, scope)] : [intakeQuestionnaireResponse(intake, scope)];
		}),
		...exams.flatMap((exam) => [...findings.get(exam.id)!, examinationImpression(exam, findings.get(exam.id)!, scope)])
	];
};

/** Every treatment plan as a CarePlan with its Goals and the acupuncture it plans. */
export const planSection: SectionBuilder = async (scope) => treatmentPlansResources(await selectPlans(scope.db, scope.patientId), scope);

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

/**
 * Every score on one of the clinic's own instruments, named by its definition. The definitions are
 * read only when there is a score to name; scores of a definition since removed are exported too.
 */
export const clinicInstrumentSection: SectionBuilder = async (scope) => {
	const scores = await selectInstrumentScores(scope.db, scope.patientId);
	if (scores.length === 0) return [];
	const instruments = new Map((await clinicInstruments()).map((i) => [i.code, i]));
	return scores.map((s) => instrumentScoreObservation(scope.patientId, s, instruments.get(s.instrumentCode), scope));
};

export const sessionSection: SectionBuilder = async (scope) => {
	const sessions = await selectSessions(scope.db, scope.patientId);
	const points = await selectSessionPoints(
		scope.db,
		sessions.map((s) => s.id)
	);
	for (const session of sessions) scope.procedureIds.add(session.id);
	return sessions.map((session) => sessionProcedure(session, points.get(session.id) ?? [], scope));
};

export const adverseEventSection: SectionBuilder = async (scope) => {
	const [reports, events] = await Promise.all([selectSideEffectReports(scope.db, scope.patientId), selectAdverseEvents(scope.db, scope.patientId)]);
	return [...reports.map((r) => sideEffectAdverseEvent(r, scope)), ...events.map((e) => sessionAdverseEvent(e, scope))];
};

/** In order: a section may rely on what the ones before it recorded in the scope. */
export const SECTION_BUILDERS: readonly SectionBuilder[] = [
	problemSection,
	consentSection,
	outcomeSection,
	clinicInstrumentSection,
	planSection,
	sessionSection,
	adverseEventSection
];
