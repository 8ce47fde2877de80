import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { ClaimBlocker } from '../../domain/jukyo-claim/claim-blockers';
import { claimHistory, type ClaimHistoryEntry } from '../../domain/jukyo-claim/claim-history';
import { buildClaimForms, type ClaimForm, type ClaimRules } from '../../domain/jukyo-claim/claim-form';
import type { ClaimOutcome, ClinicRegistrationForClaim } from '../../domain/jukyo-claim/claim-input';
import {
	claimDestination,
	claimStatusOf,
	claimTransition,
	liveClaimEvents,
	RECORDS_CHANGED,
	reopenWhenChanged,
	type ClaimDestination,
	type ClaimEventKind,
	type ClaimStatus,
	type ClaimTransitionRefusal
} from '../../domain/jukyo-claim/claim-status';
import { claimDifference } from '../../domain/jukyo-claim/insurer-payment';
import { isCalendarDate, localDate } from '../../domain/time';
import type { SubmissionTarget } from '../../domain/jukyo/registration';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { recentClinicTimeZone } from '../clinic/clinic-settings';
import type { Db } from '../db/database';
import type { JukyoClaimEventTable } from '../db/schema-claim-status';
import { withTransaction } from '../db/transaction';
import { loadJukyoRegistration } from '../jukyo/registration';
import { claimFormInputFor, insuredPatientsOfMonth } from './claim-records';
import { reportNoteOfClaimMonth } from './doctor-report';
import type { ClaimMonthReportNote } from '../../domain/jukyo-claim/report-fee-landing';
import { loadClinicRegistrationForClaim } from './claim-registration';
import { loadJukyoConsentRules, loadJukyoFeeSchedules } from './fee-versions';
import { findPatient } from '../patients/patient-repository';
import { findStaffRole } from '../staff/staff-repository';
import { paymentReversalsAmong, standingPaymentParts } from './standing-payments';
import { isUniqueViolation } from '../booking/occupancy';

/*
 * The claim workflow (docs/jukyo-claim.md §12): each patient-month 申請書 (and its 公費 申請書) moves
 * draft → ready → submitted → returned → ready (a new version) … → paid by the one rule
 * domain/jukyo-claim/claim-status.ts. "Ready" freezes the form as it is (`jukyo_claim_version`);
 * every later step is a numbered event row. Nothing is edited in place. Only the desk (owner,
 * reception) moves claims, checked again here inside the transaction; every move is audited.
 */

export interface ClaimVersionView {
	id: string;
	version: number;
	previousId: string | null;
	createdAt: string;
	claimJpy: number;
	totalJpy: number;
	/** The events that stand, in order: a "paid" event of a reversed payment is left out (it no longer sets the status). */
	events: Array<{ event: ClaimEventKind; on: string; reason: string }>;
	/** What the page lists: every event row, a reversed payment's "paid" marked and followed by the status it left (a view; `events` sets the status). */
	history: ClaimHistoryEntry[];
	/** Every event row written for the version, reversed payments' included: the next event's number is this plus one. */
	eventRows: number;
	/** What standing payments paid on it (reversed ones left out). */
	paidJpy: number;
}

export interface ClaimBoardRow {
	patientId: string;
	patientName: string;
	patientNumber: string | null;
	kind: ClaimForm['kind'];
	status: ClaimStatus;
	destination: ClaimDestination;
	/** The form the records give today; null when the month has no visits left (a claim made earlier stays listed). */
	current: {
		days: number;
		totalJpy: number;
		claimJpy: number;
		blockers: ClaimBlocker[];
		continuationStatementNeeded: boolean;
		outcome: ClaimOutcome;
		/** In a consent period's last month (the main 申請書): whether the 施術報告書 was given and its 交付料 is on this claim. */
		report: ClaimMonthReportNote | null;
	} | null;
	/** The records give another form than the one frozen at "ready" (reopen it and mark it ready again). */
	changedSinceReady: boolean;
	versions: ClaimVersionView[];
	/** The newest version's claim, its payments and what is still owed; null before "ready". */
	money: { claimJpy: number; paidJpy: number; differenceJpy: number } | null;
	submittedOn: string | null;
	/** A draft that went back from ready by itself because its records changed: the day, for the page to say why. */
	reopenedForChanges: { on: string } | null;
}

export interface ClaimBoardGroup {
	destination: ClaimDestination;
	rows: ClaimBoardRow[];
}

async function loadRules(db: Db): Promise<ClaimRules> {
	const [feeSchedules, consentRules] = await Promise.all([loadJukyoFeeSchedules(db), loadJukyoConsentRules(db)]);
	return { feeSchedules, consentRules };
}

async function submissionTargets(db: Db): Promise<SubmissionTarget[]> {
	return (await loadJukyoRegistration(db)).registration.submissions;
}

const keyOf = (patientId: string, kind: string) => `${patientId}:${kind}`;

async function versionsOfMonth(db: Db, month: string, patientId?: string): Promise<Map<string, ClaimVersionView[]>> {
	let query = db.kysely.selectFrom('jukyo_claim_version').selectAll().where('month', '=', month);
	if (patientId) query = query.where('patient_id', '=', patientId);
	const versions = await query.orderBy('version').execute();
	const ids = versions.map((v) => v.id);
	const [events, paid] =
		ids.length === 0
			? [[], []]
			: await Promise.all([
					db.kysely
						.selectFrom('jukyo_claim_event')
						.select(['claim_version_id', 'event', 'on_date', 'reason', 'seq', 'payment_id'])
						.where('claim_version_id', 'in', ids)
						.orderBy('seq')
						.execute(),
					standingPaymentParts(db, ids)
				]);
	const reversals = await paymentReversalsAmong(
		db,
		events.flatMap((e) => (e.payment_id ? [e.payment_id] : []))
	);
	const reversed = new Set(reversals.map((r) => r.paymentId));
	const byClaim = new Map<string, ClaimVersionView[]>();
	for (const v of versions) {
		const list = byClaim.get(keyOf(v.patient_id, v.kind)) ?? [];
		const own = events.filter((e) => e.claim_version_id === v.id).map((e) => ({ event: e.event, on: e.on_date, reason: e.reason, paymentId: e.payment_id }));
		list.push({
			id: v.id,
			version: Number(v.version),
			previousId: v.previous_id,
			createdAt: v.created_at,
			claimJpy: Number(v.claim_jpy),
			totalJpy: Number(v.total_jpy),
			events: liveClaimEvents(own, reversed).map((e) => ({ event: e.event, on: e.on, reason: e.reason })),
			history: claimHistory(own, reversals),
			eventRows: own.length,
			paidJpy: paid.filter((p) => p.claimVersionId === v.id).reduce((sum, p) => sum + p.amountJpy, 0)
		});
		byClaim.set(keyOf(v.patient_id, v.kind), list);
	}
	return byClaim;
}

function snapshotOf(form: ClaimForm): string {
	return JSON.stringify(form);
}

async function frozenSnapshot(db: Db, versionId: string): Promise<string> {
	const row = await db.kysely.selectFrom('jukyo_claim_version').select('snapshot').where('id', '=', versionId).executeTakeFirstOrThrow();
	return row.snapshot;
}

function rowFor(
	patient: { id: string; name: string; patientNumber: string | null },
	kind: ClaimForm['kind'],
	form: ClaimForm | null,
	versions: ClaimVersionView[],
	snapshot: string | null,
	submissions: readonly SubmissionTarget[],
	month: string
): ClaimBoardRow {
	const latest = versions.at(-1) ?? null;
	const status = claimStatusOf(latest ? { events: latest.events.map((e) => e.event) } : null);
	const frozen = snapshot === null ? null : (JSON.parse(snapshot) as ClaimForm);
	const insurerNumber = form?.header.insurerNumber ?? frozen?.header.insurerNumber ?? null;
	const submittedOn = latest?.events.findLast((e) => e.event === 'submitted')?.on ?? null;
	const last = latest?.events.at(-1);
	return {
		patientId: patient.id,
		patientName: patient.name,
		patientNumber: patient.patientNumber,
		kind,
		status,
		destination: claimDestination(insurerNumber, submissions, month),
		current: form
			? {
					days: form.treatment.days,
					totalJpy: form.fees.totalJpy,
					claimJpy: form.fees.claimJpy,
					blockers: form.blockers,
					continuationStatementNeeded: form.continuationStatementNeeded,
					outcome: form.treatment.outcome,
					report: null
				}
			: null,
		changedSinceReady: status === 'ready' && snapshot !== null && (form === null || snapshotOf(form) !== snapshot),
		versions,
		money:
			latest && status !== 'draft'
				? { claimJpy: latest.claimJpy, paidJpy: latest.paidJpy, differenceJpy: claimDifference(latest.claimJpy, latest.paidJpy) }
				: null,
		submittedOn,
		reopenedForChanges: status === 'draft' && last?.event === 'reopened' && last.reason === RECORDS_CHANGED ? { on: last.on } : null
	};
}

/**
 * Writes the "reopened" event (reason RECORDS_CHANGED) when the rule says a ready claim whose records
 * changed goes back to draft; true when the claim moved (by this call or by another desk's at the
 * same moment: the event number is unique, so only one of two is written). Only a staff member's
 * view moves it, since the event names who.
 */
async function reopenIfRecordsChanged(
	db: Db,
	claim: { patientId: string; month: string; kind: ClaimForm['kind']; latest: ClaimVersionView; changed: boolean; today: string; now: Date },
	actor: AuditActor
): Promise<boolean> {
	if (actor.type !== 'staff' || !actor.id) return false;
	const { latest } = claim;
	const transition = reopenWhenChanged(claimStatusOf({ events: latest.events.map((e) => e.event) }), {
		month: claim.month,
		today: claim.today,
		blockers: 0,
		changedSinceReady: claim.changed,
		submittedOn: null
	});
	if (!transition || transition.effect.kind !== 'event') return false;
	const effect = transition.effect;
	const staffId = actor.id;
	try {
		await withTransaction(db, async (tx) => {
			await writeReopened(tx, { ...claim, on: effect.on, reason: effect.reason, staffId }, actor);
		});
	} catch (cause) {
		// Another desk wrote the next event of this version first; the caller reads it back.
		if (!isUniqueViolation(cause)) throw cause;
	}
	return true;
}

async function writeReopened(
	tx: Db,
	claim: { patientId: string; month: string; kind: ClaimForm['kind']; latest: ClaimVersionView; now: Date; on: string; reason: string; staffId: string },
	actor: AuditActor
): Promise<void> {
	await insertClaimEvents(tx, [
		{
			id: randomUUID(),
			claim_version_id: claim.latest.id,
			seq: claim.latest.eventRows + 1,
			event: 'reopened',
			on_date: claim.on,
			reason: claim.reason,
			payment_id: null,
			created_at: claim.now.toISOString(),
			created_by: claim.staffId
		}
	]);
	await recordAudit(tx, actor, {
		action: 'jukyo_claim.reopened',
		entityType: 'jukyo_claim_version',
		entityId: claim.latest.id,
		patientId: claim.patientId,
		detail: { month: claim.month, kind: claim.kind, on: claim.on, reason: claim.reason }
	});
}

/** The claims page: every 申請書 of the month with its status, grouped per 提出先 with its deadline (audited). */
export async function claimBoard(
	db: Db,
	month: string,
	actor: AuditActor,
	options: { registration?: ClinicRegistrationForClaim; now?: Date } = {}
): Promise<ClaimBoardGroup[]> {
	const registration = options.registration ?? (await loadClinicRegistrationForClaim(db));
	const now = options.now ?? db.clock.now();
	const [rules, submissions, patients, versions, timeZone] = await Promise.all([
		loadRules(db),
		submissionTargets(db),
		insuredPatientsOfMonth(db, month),
		versionsOfMonth(db, month),
		recentClinicTimeZone(db)
	]);
	const today = localDate(now.getTime(), timeZone);
	const rows: ClaimBoardRow[] = [];
	const seen = new Set<string>();
	// A ready claim whose records changed goes back to draft here, before it is shown (reopenWhenChanged).
	const settled = async (patientId: string, kind: ClaimForm['kind'], form: ClaimForm | null, list: ClaimVersionView[]) => {
		const latest = list.at(-1);
		if (!latest) return { list, snapshot: null };
		const snapshot = await frozenSnapshot(db, latest.id);
		const reopened = await reopenIfRecordsChanged(
			db,
			{ patientId, month, kind, latest, changed: form === null || snapshotOf(form) !== snapshot, today, now },
			actor
		);
		if (!reopened) return { list, snapshot };
		const again = (await versionsOfMonth(db, month, patientId)).get(keyOf(patientId, kind)) ?? [];
		return { list: again, snapshot: again.length > 0 ? await frozenSnapshot(db, again.at(-1)!.id) : null };
	};
	for (const patient of patients) {
		const input = await claimFormInputFor(db, patient.id, month, registration);
		if (!input) continue;
		for (const form of buildClaimForms(input, rules)) {
			const { list, snapshot } = await settled(patient.id, form.kind, form, versions.get(keyOf(patient.id, form.kind)) ?? []);
			const row = rowFor(patient, form.kind, form, list, snapshot, submissions, month);
			if (row.current && form.kind === 'main') row.current.report = await reportNoteOfClaimMonth(db, patient.id, month, rules.consentRules);
			rows.push(row);
			seen.add(keyOf(patient.id, form.kind));
		}
	}
	// A claim made earlier whose visits were all voided since stays on the page, from its frozen form.
	for (const [key, before] of versions) {
		if (seen.has(key)) continue;
		const [patientId, kind] = key.split(':') as [string, ClaimForm['kind']];
		const p = await findPatient(db, patientId, ['family_name', 'given_name', 'patient_number']);
		if (!p) continue;
		const { list, snapshot } = await settled(patientId, kind, null, before);
		rows.push(
			rowFor(
				{ id: patientId, name: `${p.family_name} ${p.given_name}`.trim(), patientNumber: p.patient_number },
				kind,
				null,
				list,
				snapshot,
				submissions,
				month
			)
		);
	}
	const groups = new Map<string, ClaimBoardGroup>();
	for (const row of rows) {
		const group = groups.get(row.destination.key) ?? { destination: row.destination, rows: [] };
		group.rows.push(row);
		groups.set(row.destination.key, group);
	}
	await recordAudit(db, actor, { action: 'jukyo_claim.list', entityType: 'jukyo_claim', entityId: month, detail: { forms: rows.length } });
	return [...groups.values()].sort((a, b) => a.destination.key.localeCompare(b.destination.key));
}

const ZDate = z.string('claimStatus.error.date').refine(isCalendarDate, 'claimStatus.error.date');

export const ZMoveClaimSchema = z.object({
	patientId: z.uuid('claimStatus.error.claim'),
	month: z.string('jukyoClaim.page.badMonth').regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'jukyoClaim.page.badMonth'),
	kind: z.enum(['main', 'public_expense'], 'claimStatus.error.claim'),
	confirm: z.literal('on', 'claimStatus.error.confirm'),
	action: z.discriminatedUnion(
		'type',
		[
			z.object({ type: z.literal('mark_ready') }),
			z.object({ type: z.literal('reopen') }),
			z.object({ type: z.literal('submit'), on: ZDate }),
			z.object({
				type: z.literal('return'),
				on: ZDate,
				reason: z.string('claimStatus.error.reason_required').trim().min(1, 'claimStatus.error.reason_required').max(500, 'claimStatus.error.tooLong')
			})
		],
		'claimStatus.error.action'
	)
});

export type MoveClaimResult =
	| { ok: true; status: ClaimStatus; versionId: string }
	| { ok: false; code: 'invalid'; fields: Record<string, string> }
	| { ok: false; code: 'forbidden' | 'not_found' }
	| { ok: false; code: 'refused'; reason: ClaimTransitionRefusal }
	/** Not submitted: its records changed since "ready", so it went back to draft (the event is written). */
	| { ok: false; code: 'reopened' };

export const DESK_ROLES: readonly string[] = ['owner', 'reception'];

function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const issue of issues) {
		const name = String(issue.path.at(-1) ?? '_');
		fields[name] ??= issue.message.startsWith('claimStatus.') || issue.message.startsWith('jukyoClaim.') ? issue.message : 'claimStatus.error.invalid';
	}
	return fields;
}

/**
 * Moves one 申請書 by the rule (form fields: patientId, month, kind, confirm=on, action, and `on` /
 * `reason` as the action needs). "Pay" is not here: a claim is paid by recording the insurer's
 * payment (insurer-payments.ts).
 */
export async function moveClaim(
	db: Db,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date; registration?: ClinicRegistrationForClaim } = {}
): Promise<MoveClaimResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZMoveClaimSchema.safeParse({ ...input, action: { type: input.action, on: input.on, reason: input.reason } });
	if (!parsed.success) return { ok: false, code: 'invalid', fields: fieldErrors(parsed.error.issues) };
	const { patientId, month, kind, action } = parsed.data;
	const now = options.now ?? db.clock.now();
	const today = localDate(now.getTime(), await recentClinicTimeZone(db));
	const registration = options.registration ?? (await loadClinicRegistrationForClaim(db));
	const rules = await loadRules(db);
	const submissions = await submissionTargets(db);
	return withTransaction(db, async (tx): Promise<MoveClaimResult> => {
		const staff = await findStaffRole(tx, staffId);
		if (!staff || !DESK_ROLES.includes(staff.role)) return { ok: false, code: 'forbidden' };
		const claimInput = await claimFormInputFor(tx, patientId, month, registration);
		const form = claimInput && claimInput.visits.length > 0 ? (buildClaimForms(claimInput, rules).find((f) => f.kind === kind) ?? null) : null;
		const versions = (await versionsOfMonth(tx, month, patientId)).get(keyOf(patientId, kind)) ?? [];
		const latest = versions.at(-1) ?? null;
		if (!form && !latest) return { ok: false, code: 'not_found' };
		const status = claimStatusOf(latest ? { events: latest.events.map((e) => e.event) } : null);
		const snapshot = latest ? await frozenSnapshot(tx, latest.id) : null;
		const context = {
			month,
			today,
			blockers: form ? form.blockers.length : 1,
			changedSinceReady: snapshot !== null && (form === null || snapshotOf(form) !== snapshot),
			submittedOn: latest?.events.findLast((e) => e.event === 'submitted')?.on ?? null
		};
		// Submitting a ready claim whose records changed takes it back to draft instead, by the same rule as the page.
		const reopen = action.type === 'submit' ? reopenWhenChanged(status, context) : null;
		if (reopen && reopen.effect.kind === 'event' && latest) {
			await writeReopened(tx, { patientId, month, kind, latest, now, on: reopen.effect.on, reason: reopen.effect.reason, staffId }, actor);
			return { ok: false, code: 'reopened' };
		}
		const transition = claimTransition(status, action, context);
		if (!transition.ok) return { ok: false, code: 'refused', reason: transition.code };
		if (transition.effect.kind === 'new_version') {
			const id = randomUUID();
			await tx.kysely
				.insertInto('jukyo_claim_version')
				.values({
					id,
					patient_id: patientId,
					month,
					kind,
					version: (latest?.version ?? 0) + 1,
					previous_id: latest?.id ?? null,
					destination: claimDestination(form!.header.insurerNumber, submissions, month).key,
					total_jpy: form!.fees.totalJpy,
					claim_jpy: form!.fees.claimJpy,
					snapshot: snapshotOf(form!),
					created_at: now.toISOString(),
					created_by: staffId
				})
				.execute();
			await recordAudit(tx, actor, {
				action: 'jukyo_claim.ready',
				entityType: 'jukyo_claim_version',
				entityId: id,
				patientId,
				detail: { month, kind, version: (latest?.version ?? 0) + 1, previousId: latest?.id ?? null }
			});
			return { ok: true, status: transition.status, versionId: id };
		}
		const effect = transition.effect;
		// A payment's reversal is recorded with the payment (insurer-payments.ts), never here.
		if (effect.kind !== 'event') return { ok: false, code: 'refused', reason: 'not_allowed' };
		const seq = latest!.eventRows + 1;
		await insertClaimEvents(tx, [
			{
				id: randomUUID(),
				claim_version_id: latest!.id,
				seq,
				event: effect.event,
				on_date: effect.on,
				reason: effect.reason,
				payment_id: null,
				created_at: now.toISOString(),
				created_by: staffId
			}
		]);
		await recordAudit(tx, actor, {
			action: `jukyo_claim.${effect.event}`,
			entityType: 'jukyo_claim_version',
			entityId: latest!.id,
			patientId,
			detail: { month, kind, on: effect.on }
		});
		return { ok: true, status: transition.status, versionId: latest!.id };
	}).catch((cause: unknown): MoveClaimResult => {
		// Another desk moved the claim from the same reading first (the event or version number is taken): not moved twice.
		if (isUniqueViolation(cause)) return { ok: false, code: 'refused', reason: 'not_allowed' };
		throw cause;
	});
}

/** The form frozen by the newest version when the claim is past its draft (the PDF prints what was submitted); null for a draft. */
export async function frozenClaimForm(db: Db, patientId: string, month: string, kind: ClaimForm['kind']): Promise<ClaimForm | null> {
	const versions = (await versionsOfMonth(db, month, patientId)).get(keyOf(patientId, kind)) ?? [];
	const latest = versions.at(-1);
	if (!latest || claimStatusOf({ events: latest.events.map((e) => e.event) }) === 'draft') return null;
	return JSON.parse(await frozenSnapshot(db, latest.id)) as ClaimForm;
}

/**
 * Appends events to claim versions' histories, in one statement (jukyo_claim_event's one writer,
 * docs/architecture.md "One owner per table"): the desk's moves here, and the paid events that
 * recording an insurer payment writes beside it (insurer-payments.ts). Events are only ever appended;
 * (claim version, seq) is unique, so of two writers from the same reading one fails whole.
 */
export async function insertClaimEvents(db: Db, events: readonly Insertable<JukyoClaimEventTable>[]): Promise<void> {
	await db.kysely.insertInto('jukyo_claim_event').values(events).execute();
}
