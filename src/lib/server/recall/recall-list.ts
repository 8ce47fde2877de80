import { latestSignatures } from '../../domain/consent/status';
import { recallList, type RecallEntry, type RecallFacts } from '../../domain/patients/recall';
import { localDate } from '../../domain/time';
import type { Db } from '../db/database';
import { lastAttendedVisitOfEachPatient, patientsBookedFrom } from '../booking/visit-reads-for-recall';
import { selectSignatureRowsOfKind } from '../consent/consent-repository';
import { selectActivePlanFrequencies } from '../treatment-plan/plan-repository';
import { getClinic } from '../clinic/clinic-repository';

export interface RecallRow extends RecallEntry {
	familyName: string;
	givenName: string;
	patientNumber: string | null;
	phone: string;
}

export interface RecallView {
	today: string;
	recallWeeks: number;
	timeZone: string;
	entries: RecallRow[];
}

/**
 * The recall list (issue #17): every patient whose last visit was long enough ago, by their
 * plan or the clinic's weeks, with no next visit booked. Merged and erased records are left out.
 */
export async function loadRecallList(db: Db, now = db.clock.now()): Promise<RecallView> {
	const clinic = await getClinic(db);
	const nowIso = now.toISOString();
	const today = localDate(now.getTime(), clinic.time_zone);
	const [lastVisits, upcoming, plans, signatures, invitations] = await Promise.all([
		lastAttendedVisitOfEachPatient(db, nowIso),
		patientsBookedFrom(db, nowIso),
		selectActivePlanFrequencies(db),
		selectSignatureRowsOfKind(db, 'reminders'),
		db.kysely
			.selectFrom('recall_invitation')
			.select((eb) => ['patient_id', eb.fn.max('sent_at').as('last_sent')])
			.groupBy('patient_id')
			.execute()
	]);
	const booked = new Set(upcoming.map((r) => r.patient_id));
	const frequency = new Map<string, number>();
	for (const plan of plans) frequency.set(plan.patient_id, Number(plan.frequency_per_week)); // newest wins
	const signaturesByPatient = new Map<string, typeof signatures>();
	for (const s of signatures) signaturesByPatient.set(s.patient_id, [...(signaturesByPatient.get(s.patient_id) ?? []), s]);
	const invited = new Map(invitations.map((i) => [i.patient_id, String(i.last_sent)]));

	const people = new Map(lastVisits.map((v) => [v.id, v]));
	const facts: RecallFacts[] = lastVisits.map((v) => ({
		patientId: v.id,
		lastVisitOn: localDate(Date.parse(String(v.last_at)), clinic.time_zone),
		planFrequencyPerWeek: frequency.get(v.id) ?? null,
		hasNextVisit: booked.has(v.id),
		remindersWithdrawn: remindersWithdrawn(signaturesByPatient.get(v.id) ?? []),
		hasEmail: v.email.trim() !== '',
		lastInvitedAt: invited.get(v.id) ?? null
	}));
	const entries = recallList(facts, today, Number(clinic.recall_weeks)).map((entry) => {
		const person = people.get(entry.patientId)!;
		return { ...entry, familyName: person.family_name, givenName: person.given_name, patientNumber: person.patient_number, phone: person.phone };
	});
	return { today, recallWeeks: Number(clinic.recall_weeks), timeZone: clinic.time_zone, entries };
}

type SignatureRow = { id: string; document_id: string; kind: string; version: number; agreed: number; signed_at: string };

/** Whether the newest answer to the reminders consent declines or withdraws it. */
export function remindersWithdrawn(rows: readonly SignatureRow[]): boolean {
	const latest = latestSignatures(
		rows.map((r) => ({ id: r.id, documentId: r.document_id, kind: r.kind, version: Number(r.version), agreed: Number(r.agreed) === 1, signedAt: r.signed_at }))
	).get('reminders');
	return latest !== undefined && !latest.agreed;
}

/** The reminders consent answers of one patient, for the invitation's own check. */
export async function patientRemindersWithdrawn(db: Db, patientId: string): Promise<boolean> {
	const rows = await selectSignatureRowsOfKind(db, 'reminders', patientId);
	return remindersWithdrawn(rows);
}
