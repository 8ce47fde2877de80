import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { seedDemoClinic } from '../seed/demo-clinic';
import { exportPatientData } from './export-patient-data';
import { listPortalAppointments } from './portal-home';
import { insertAppointment, insertPatient } from './test-patients';

const AT = '2030-04-01T01:00:00.000Z';

/** One of everything the portal export covers, for one patient; returns the ids written. */
async function fillRecord(db: Db, patientId: string, practitionerId: string, staffId: string, documentId: string, tag: string) {
	const appointmentId = await insertAppointment(db, practitionerId, patientId, AT, 'completed');
	const intakeId = randomUUID();
	await db.kysely
		.insertInto('intake')
		.values({
			id: intakeId,
			patient_id: patientId,
			appointment_id: appointmentId,
			status: 'submitted',
			current_step: 'done',
			answers: JSON.stringify({ complaint: `${tag} pain` }),
			red_flag_level: null,
			red_flag_acknowledged_at: null,
			red_flag_acknowledged_by: null,
			entered_by_staff_id: null,
			created_at: AT,
			updated_at: AT,
			submitted_at: AT
		})
		.execute();
	await db.kysely
		.insertInto('consent_signature')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			document_id: documentId,
			agreed: 1,
			signed_name: `${tag} signer`,
			signed_at: AT,
			ip: null,
			user_agent: null,
			recorded_by_staff_id: null
		})
		.execute();
	await db.kysely
		.insertInto('outcome_check_in')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: null,
			recorded_at: AT,
			source: 'portal',
			leg_pain: 6,
			back_pain: 3,
			psfs: JSON.stringify([{ activity: `${tag} walking`, score: 4 }]),
			sbi: null,
			pgic: null
		})
		.execute();
	await db.kysely
		.insertInto('clinic_instrument_score')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: appointmentId,
			instrument_code: `${tag}-ODI`,
			recorded_at: AT,
			answers: JSON.stringify([1, 2, 3]),
			score: 12
		})
		.execute();
	await db.kysely
		.insertInto('side_effect_report')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: appointmentId,
			created_at: AT,
			kind: 'bruise',
			severity: 'mild',
			description: `${tag} bruise`,
			handled_at: null,
			handled_by: null
		})
		.execute();
	await db.kysely
		.insertInto('aftercare_note')
		.values([
			{ id: randomUUID(), patient_id: patientId, staff_id: staffId, created_at: AT, body: `${tag} shared advice`, shared_with_patient: 1 },
			{ id: randomUUID(), patient_id: patientId, staff_id: staffId, created_at: AT, body: `${tag} internal note`, shared_with_patient: 0 }
		])
		.execute();
	await db.kysely
		.insertInto('deletion_request')
		.values({ id: randomUUID(), patient_id: patientId, created_at: AT, reason: `${tag} reason`, status: 'open', handled_at: null, handled_by: null })
		.execute();
	return { appointmentId, intakeId };
}

describeEachDatabase('downloading my data', (db) => {
	let practitionerId = '';
	let staffId = '';
	let documentId = '';

	beforeAll(async () => {
		await seedDemoClinic(db());
		practitionerId = (await db().kysely.selectFrom('practitioner').select('id').executeTakeFirstOrThrow()).id;
		staffId = (await db().kysely.selectFrom('staff').select('id').executeTakeFirstOrThrow()).id;
		documentId = randomUUID();
		await db()
			.kysely.insertInto('consent_document')
			.values({
				id: documentId,
				kind: 'treatment',
				version: 3,
				required: 1,
				title_ja: '施術への同意',
				title_en: 'Consent to treatment',
				body_ja: '本文',
				body_en: 'Text',
				created_at: AT,
				created_by: null
			})
			.execute();
	});

	it('contains everything about this patient and nothing about anyone else, and is audited', async () => {
		const me = await insertPatient(db(), { email: 'me@example.jp', givenName: 'Mine' });
		const other = await insertPatient(db(), { email: 'other@example.jp', givenName: 'Theirs' });
		const mine = await fillRecord(db(), me, practitionerId, staffId, documentId, 'MINE');
		await fillRecord(db(), other, practitionerId, staffId, documentId, 'THEIRS');
		const actor: AuditActor = { type: 'patient', id: me, ip: null, requestId: null };

		const data = await exportPatientData(db(), me, actor, new Date(AT));
		if (!data) throw new Error('no export');
		const text = JSON.stringify(data);
		expect(text).not.toContain('THEIRS');
		expect(text).not.toContain(other);
		expect(text).not.toContain('romaji');
		expect(text).not.toContain('internal note');
		expect(text).not.toContain(staffId);
		expect(data.patient).toMatchObject({ id: me, givenName: 'Mine', email: 'me@example.jp' });
		expect(data.appointments.map((a) => a.id)).toEqual([mine.appointmentId]);
		expect(data.intakes).toEqual([expect.objectContaining({ id: mine.intakeId, answers: { complaint: 'MINE pain' } })]);
		expect(data.consents).toEqual([
			expect.objectContaining({
				agreed: true,
				signedName: 'MINE signer',
				document: { kind: 'treatment', version: 3, title: { ja: '施術への同意', en: 'Consent to treatment' }, text: { ja: '本文', en: 'Text' } }
			})
		]);
		expect(data.outcomeCheckIns[0]!.psfs).toEqual([{ activity: 'MINE walking', score: 4 }]);
		expect(data.questionnaireScores).toEqual([
			{ id: expect.any(String), appointmentId: mine.appointmentId, instrument: 'MINE-ODI', recordedAt: AT, answers: [1, 2, 3], score: 12 }
		]);
		expect(data.sideEffectReports.map((r) => r.description)).toEqual(['MINE bruise']);
		expect(data.aftercareNotes.map((n) => n.text)).toEqual(['MINE shared advice']);
		expect(data.deletionRequests.map((d) => d.reason)).toEqual(['MINE reason']);

		const audit = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'portal.data_export').execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actor_type: 'patient', actor_id: me, patient_id: me, detail: null });
		expect(await exportPatientData(db(), randomUUID(), actor)).toBeNull();
	});

	it('lists a patient’s own appointments on the portal home, upcoming and past apart', async () => {
		const me = await insertPatient(db(), { email: 'home@example.jp', givenName: 'Home' });
		const other = await insertPatient(db(), { email: 'away@example.jp', givenName: 'Away' });
		const past = await insertAppointment(db(), practitionerId, me, '2030-03-01T01:00:00.000Z', 'completed');
		const soon = await insertAppointment(db(), practitionerId, me, '2030-05-02T01:00:00.000Z', 'booked');
		const later = await insertAppointment(db(), practitionerId, me, '2030-05-09T01:00:00.000Z', 'booked');
		await insertAppointment(db(), practitionerId, me, '2030-05-03T01:00:00.000Z', 'cancelled');
		await insertAppointment(db(), practitionerId, other, '2030-05-04T01:00:00.000Z', 'booked');
		const list = await listPortalAppointments(db(), me, Date.parse('2030-05-01T00:00:00Z'));
		expect(list.upcoming.map((a) => a.id)).toEqual([soon, later]);
		expect(list.past.map((a) => a.id)).toEqual([past]);
		expect(list.upcoming[0]!.practitioner.ja).toMatch(/\S+ \S+/);
	});
});
