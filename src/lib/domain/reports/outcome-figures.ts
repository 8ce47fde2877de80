import { MEASURE_INSTRUMENTS, type CheckIn } from '../outcomes/check-in';
import { responderStatus } from '../outcomes/instrument';
import { baselineOf } from '../outcomes/progress';
import type { NamedResource, ReportSession } from './report-inputs';
import { isInPeriod, type ReportPeriod } from './report-period';

/*
 * docs/clinical-rules.md §4: a responder improves leg-pain NRS by ≥ 2 points or ≥ 30 % from baseline. The
 * report asks, of the patients treated in the period, how many have reached that by its end, and
 * after how many sessions. Leg pain is the measure the "not improving" rule uses too.
 */

export interface OutcomeGroup {
	/** A practitioner id, or 'all'. */
	key: string;
	nameJa: string;
	nameEn: string;
	/** Patients treated in the period with a leg-pain baseline above 0. */
	patients: number;
	/** Of those, with at least one leg-pain answer after baseline: the base of the share. */
	n: number;
	responders: number;
	/** responders ÷ n; null when n is 0. */
	share: number | null;
	/** Sessions from baseline (its own included) to the first responder answer, per responder. */
	sessionsToResponse: number[];
	medianSessionsToResponse: number | null;
}

interface PatientOutcome {
	practitionerId: string;
	followedUp: boolean;
	sessionsToResponse: number | null;
}

export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The practitioner who treated the patient most often in the period; the earliest of a tie. */
function mainPractitioner(sessions: readonly ReportSession[]): string {
	const counts = new Map<string, number>();
	for (const s of sessions) counts.set(s.practitionerId, (counts.get(s.practitionerId) ?? 0) + 1);
	let best = sessions[0]!.practitionerId;
	for (const s of sessions) if ((counts.get(s.practitionerId) ?? 0) > (counts.get(best) ?? 0)) best = s.practitionerId;
	return best;
}

function patientOutcome(
	checkIns: readonly CheckIn[],
	sessions: readonly ReportSession[],
	inPeriod: readonly ReportSession[],
	endIso: string
): PatientOutcome | null {
	const known = checkIns.filter((c) => c.recordedAt < endIso);
	const baseline = baselineOf(known);
	const legBaseline = baseline
		? [...known].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).find((c) => c.recordedAt >= baseline.recordedAt && c.legPain !== null)
		: undefined;
	if (!legBaseline || legBaseline.legPain === null || legBaseline.legPain === 0) return null;
	const followUps = known.filter((c) => c.recordedAt > legBaseline.recordedAt && c.legPain !== null).sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
	const first = followUps.find((c) => responderStatus(MEASURE_INSTRUMENTS.legPain, legBaseline.legPain, c.legPain) === 'responder');
	const sessionsUntil = (at: string) =>
		sessions.filter((s) => s.startsAt <= at && (s.startsAt >= legBaseline.recordedAt || s.id === legBaseline.appointmentId)).length;
	return {
		practitionerId: mainPractitioner(inPeriod),
		followedUp: followUps.length > 0,
		sessionsToResponse: first ? Math.max(1, sessionsUntil(first.recordedAt)) : null
	};
}

function group(key: string, names: { nameJa: string; nameEn: string }, outcomes: readonly PatientOutcome[]): OutcomeGroup {
	const followed = outcomes.filter((o) => o.followedUp);
	const sessionsToResponse = outcomes.flatMap((o) => (o.sessionsToResponse === null ? [] : [o.sessionsToResponse])).sort((a, b) => a - b);
	return {
		key,
		...names,
		patients: outcomes.length,
		n: followed.length,
		responders: sessionsToResponse.length,
		share: followed.length > 0 ? sessionsToResponse.length / followed.length : null,
		sessionsToResponse,
		medianSessionsToResponse: median(sessionsToResponse)
	};
}

/** Responder share and sessions to response, overall first and then per practitioner. */
export function outcomeFigures(
	checkIns: ReadonlyMap<string, readonly CheckIn[]>,
	sessions: readonly ReportSession[],
	practitioners: readonly NamedResource[],
	period: ReportPeriod,
	endIso: string
): OutcomeGroup[] {
	const byPatient = new Map<string, ReportSession[]>();
	for (const s of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) byPatient.set(s.patientId, [...(byPatient.get(s.patientId) ?? []), s]);
	const outcomes: PatientOutcome[] = [];
	for (const [patientId, all] of byPatient) {
		const treated = all.filter((s) => isInPeriod(s.startsAt, period));
		if (treated.length === 0) continue;
		const outcome = patientOutcome(checkIns.get(patientId) ?? [], all, treated, endIso);
		if (outcome) outcomes.push(outcome);
	}
	return [
		group('all', { nameJa: '全体', nameEn: 'All practitioners' }, outcomes),
		...practitioners.map((p) =>
			group(
				p.id,
				p,
				outcomes.filter((o) => o.practitionerId === p.id)
			)
		)
	];
}
