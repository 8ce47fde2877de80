/* Staff, sessions and a mailer the session record's tests share. Every call makes new rows. */
import type { AuditActor } from '../audit/audit-log';
import { giveConsent } from '../consent/test-fixtures';
import type { Db } from '../db/database';
import type { Mailer, OutgoingMail } from '../mail/mailer';
import { insertPatient, insertPractitioner, insertStaff } from '../outcomes/test-fixtures';
import { startSession } from './start-session';

export function recordingMailer(): Mailer & { sent: OutgoingMail[] } {
	const sent: OutgoingMail[] = [];
	return { canDeliver: false, sent, send: async (_db, mail) => (sent.push(mail), { id: String(sent.length), delivered: false }) };
}

/** A practitioner with the licences given (both by default), as the actor of a change. */
export async function practitionerActor(db: Db, licences: { hari: boolean; kyu: boolean } = { hari: true, kyu: true }): Promise<AuditActor> {
	const staff = await insertStaff(db, 'practitioner');
	const practitionerId = await insertPractitioner(db, staff.id);
	await db.kysely
		.updateTable('practitioner')
		.set({ hari_licence: licences.hari ? '第1号' : null, kyu_licence: licences.kyu ? '第2号' : null })
		.where('id', '=', practitionerId)
		.execute();
	return { type: 'staff', id: staff.id, ip: null, requestId: null };
}

/** A new patient who signed the current privacy and treatment consents, so a session may start. */
export async function consentingPatient(db: Db): Promise<string> {
	const patientId = await insertPatient(db);
	await giveConsent(db, patientId);
	return patientId;
}

/** A session opened at `now` for a new consenting patient (or the one given, who is given consent). */
export async function openSession(db: Db, actor: AuditActor, now: Date, patientId?: string) {
	const patient = patientId ?? (await insertPatient(db));
	await giveConsent(db, patient);
	const started = await startSession(db, patient, {}, actor, { now });
	if (!started.ok) throw new Error(started.code);
	return { patientId: patient, sessionId: started.id };
}
