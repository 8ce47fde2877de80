import type { SafetyAlert } from '../../domain/safety/alerts';
import { safetyMarksFor, type SafetyMark } from '../../domain/safety/safety-mark';
import type { AuditActor } from '../audit/audit-log';
import { listAftercareNotes } from '../aftercare/list-aftercare-notes';
import { listSelfChecks, type SelfCheckRecord } from '../booking/self-check-record';
import { consentOverview, type ConsentOverview } from '../consent/consent-overview';
import type { Db } from '../db/database';
import { withDeferredWrites } from '../db/transaction';
import { latestIntakeSummary, submittedIntakeAlerts, type IntakeSummary } from '../intake/intake-service';
import { progressSummary, type PatientProgress } from '../outcomes/progress-summary';
import { listSideEffects } from '../side-effects/list-side-effects';
import { duplicatesOf, type DuplicateMatch } from './find-duplicates';
import { getPatient, type PatientRecord, type PatientView } from './get-patient';

/** What only those who may read clinical content see: practitioners, the owner, and reception if allowed. */
export interface ClinicalChart {
	intake: IntakeSummary | null;
	progress: PatientProgress;
	aftercare: Awaited<ReturnType<typeof listAftercareNotes>>;
	sideEffects: Awaited<ReturnType<typeof listSideEffects>>;
	/** Self-check answers brought with bookings, newest first, with the date they were given. */
	selfChecks: SelfCheckRecord[];
}

export interface ChartView extends PatientView {
	/** Live records that may be the same person; empty for a merged record. */
	duplicates: DuplicateMatch[];
	/** From the newest submitted intake, with their advice: only for those who may read clinical facts. */
	safetyAlerts: SafetyAlert[];
	/** What every role sees: the alerts, or for reception kept from clinical facts one mark without a diagnosis. */
	safetyMarks: SafetyMark[];
	/** Whether an intake has been submitted at all: without one, "no alerts" means "not known yet". */
	intakeSubmitted: boolean;
	consents: ConsentOverview | null;
	clinical: ClinicalChart | null;
}

/**
 * Everything the record page reads when it opens, in one place so the page and the benchmark
 * (bench/patients.ts) measure the same work. Null for an unknown id; every read is audited.
 */
export async function loadChart(db: Db, id: string, actor: AuditActor, options: { clinical: boolean } = { clinical: true }): Promise<ChartView | null> {
	// Inside a transaction (the record page never opens one) a read's audit row may be written at once,
	// so the patient is read first and nothing else is read for an unknown id.
	if (db.kysely.isTransaction) {
		const view = await getPatient(db, id, actor);
		if (!view) return null;
		const [known, rest] = await Promise.all([readKnown(db, view.patient, actor, options), readRest(db, id, actor, options)]);
		return toChart(view, known, rest, options);
	}
	// The reads' audit rows are written together when the chart is read, made durable by one commit
	// instead of one each (db/transaction.ts). The patient's row and visits go out side by side on the
	// pool with every read that does not need the record; the reads that do (the duplicates, the
	// consent signer, the intake's age) start when it arrives and take it instead of reading the row
	// again: two waits for the database, as when each read the row itself (issue #21). For an unknown
	// id the other reads find nothing and their audit rows are dropped unwritten, as if they had never run.
	return withDeferredWrites(db, async (reader, discard) => {
		const [chart, rest] = await Promise.all([
			getPatient(reader, id, actor).then(async (view) => view && { view, known: await readKnown(reader, view.patient, actor, options) }),
			readRest(reader, id, actor, options)
		]);
		if (!chart) {
			discard();
			return null;
		}
		return toChart(chart.view, chart.known, rest, options);
	});
}

/** The reads that need the patient's record, given it. A merged record has no duplicates (`duplicatesOf`). */
async function readKnown(db: Db, patient: PatientRecord, actor: AuditActor, options: { clinical: boolean }) {
	const [duplicates, consents, intake] = await Promise.all([
		duplicatesOf(db, patient.id, patient),
		consentOverview(db, patient.id, actor, patient),
		options.clinical ? latestIntakeSummary(db, patient.id, actor, db.clock.now(), patient) : null
	]);
	return { duplicates, consents, intake };
}

/** Every read that does not need the patient's record. */
async function readRest(db: Db, id: string, actor: AuditActor, options: { clinical: boolean }) {
	const [submitted, clinical] = await Promise.all([submittedIntakeAlerts(db, id), options.clinical ? loadClinical(db, id, actor) : null]);
	return { submitted, clinical };
}

function toChart(
	view: PatientView,
	{ duplicates, consents, intake }: Awaited<ReturnType<typeof readKnown>>,
	{ submitted, clinical }: Awaited<ReturnType<typeof readRest>>,
	options: { clinical: boolean }
): ChartView {
	// Reception kept from clinical facts learns only that the practitioner must be asked (issue #16).
	return {
		...view,
		duplicates: view.patient.mergedIntoId === null ? duplicates : [],
		safetyAlerts: options.clinical ? submitted.alerts : [],
		safetyMarks: safetyMarksFor(submitted.alerts, options.clinical),
		intakeSubmitted: submitted.submitted,
		consents,
		clinical: clinical && { intake, ...clinical }
	};
}

/** The clinical parts besides the intake, which needs the patient's record (`readKnown`). */
async function loadClinical(db: Db, id: string, actor: AuditActor): Promise<Omit<ClinicalChart, 'intake'>> {
	const [progress, aftercare, sideEffects, selfChecks] = await Promise.all([
		progressSummary(db, id, actor),
		listAftercareNotes(db, id, { sharedOnly: false }, actor),
		listSideEffects(db, { patientId: id }, actor),
		listSelfChecks(db, id, actor)
	]);
	return { progress, aftercare, sideEffects, selfChecks };
}
