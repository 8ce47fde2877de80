import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { createMailer } from '../mail/mailer';
import { insertAppointment, insertPatient, insertPractitioner, insertStaff } from '../outcomes/test-fixtures';
import { listSideEffects } from './list-side-effects';
import { markSideEffectHandled } from './mark-side-effect-handled';
import { reportSideEffect } from './report-side-effect';

const mailer = createMailer(undefined);
const NOW = new Date('2026-05-10T03:00:00.000Z');
const DESCRIPTION = '鍼を打った腰のあたりに500円玉くらいのあざが出ました';
const patientActor = (id: string): AuditActor => ({ type: 'patient', id, ip: null, requestId: null });

async function mailsTo(db: Db, addresses: string[]) {
	return db.kysely.selectFrom('mail_outbox').selectAll().where('recipient', 'in', addresses).execute();
}

/** A patient seen by one practitioner yesterday (and by another last month), with a visit booked for next week. */
async function patientWithVisits(db: Db) {
	const practitionerStaff = await insertStaff(db, 'practitioner');
	const otherStaff = await insertStaff(db, 'practitioner');
	const practitioner = await insertPractitioner(db, practitionerStaff.id);
	const other = await insertPractitioner(db, otherStaff.id);
	const patientId = await insertPatient(db, { number: `P-${randomUUID().slice(0, 5)}` });
	await insertAppointment(db, patientId, other, '2026-04-10T01:00:00.000Z');
	const yesterday = await insertAppointment(db, patientId, practitioner, '2026-05-09T01:00:00.000Z');
	await insertAppointment(db, patientId, other, '2026-05-09T05:00:00.000Z', 'cancelled');
	await insertAppointment(db, patientId, other, '2026-05-17T01:00:00.000Z', 'booked');
	return { patientId, yesterday, practitionerStaff, otherStaff };
}

describeEachDatabase('side-effect reports', (db) => {
	it('links a report to the latest past visit and mails only its practitioner, without clinical text', async () => {
		const { patientId, yesterday, practitionerStaff, otherStaff } = await patientWithVisits(db());
		const owner = await insertStaff(db(), 'owner');
		const result = await reportSideEffect(
			db(),
			mailer,
			patientId,
			{ kind: 'bruising', severity: 'mild', description: `  ${DESCRIPTION}\r\n` },
			patientActor(patientId),
			{
				origin: 'https://clinic.example.jp',
				now: NOW
			}
		);
		expect(result).toMatchObject({ ok: true, appointmentId: yesterday, notified: 1 });
		const row = await db().kysely.selectFrom('side_effect_report').selectAll().where('patient_id', '=', patientId).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ kind: 'bruising', severity: 'mild', description: DESCRIPTION, appointment_id: yesterday, handled_at: null });
		const mails = await mailsTo(db(), [practitionerStaff.email, otherStaff.email, owner.email]);
		expect(mails.map((m) => m.recipient)).toEqual([practitionerStaff.email]);
		const number = (await db().kysely.selectFrom('patient').select('patient_number').where('id', '=', patientId).executeTakeFirstOrThrow()).patient_number!;
		expect(mails[0]!.subject).toContain(number);
		expect(mails[0]!.body).toContain('https://clinic.example.jp/staff/side-effects');
		for (const text of [mails[0]!.subject, mails[0]!.body]) {
			expect(text).not.toMatch(/あざ|bruis|mild|軽/i);
			expect(text).not.toContain('山田');
		}
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'side_effect.report')
			.where('patient_id', '=', patientId)
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ actor_type: 'patient', actor_id: patientId });
		expect(audit.detail).not.toContain('あざ');
	});

	it('also alerts every active owner when the report is serious', async () => {
		const { patientId, practitionerStaff } = await patientWithVisits(db());
		const owners = await db().kysely.selectFrom('staff').select('email').where('role', '=', 'owner').where('disabled', '=', 0).execute();
		const owner = await insertStaff(db(), 'owner');
		const retired = await insertStaff(db(), 'owner', { disabled: true });
		const result = await reportSideEffect(
			db(),
			mailer,
			patientId,
			{ kind: 'fainting', severity: 'serious', description: '帰宅後に気を失いました' },
			patientActor(patientId),
			{ now: NOW }
		);
		expect(result).toMatchObject({ ok: true, notified: owners.length + 2 });
		const recipients = (await mailsTo(db(), [practitionerStaff.email, owner.email, retired.email])).map((m) => m.recipient).sort();
		expect(recipients).toEqual([practitionerStaff.email, owner.email].sort());
		expect((await mailsTo(db(), [owner.email]))[0]!.body).toContain('/staff/side-effects');
	});

	it('keeps a report from a patient with no past visit, and alerts owners when serious', async () => {
		const patientId = await insertPatient(db());
		const owner = await insertStaff(db(), 'owner');
		const mild = await reportSideEffect(db(), mailer, patientId, { kind: 'other', severity: 'moderate', description: 'だるい' }, patientActor(patientId), {
			now: NOW
		});
		expect(mild).toMatchObject({ ok: true, appointmentId: null, notified: 0 });
		const serious = await reportSideEffect(
			db(),
			mailer,
			patientId,
			{ kind: 'bleeding', severity: 'serious', description: '出血が止まらない' },
			patientActor(patientId),
			{ now: NOW }
		);
		expect(serious).toMatchObject({ ok: true, appointmentId: null });
		expect((await mailsTo(db(), [owner.email])).length).toBe(1);
	});

	it('refuses a report with an unknown kind or severity, or no description, and keeps nothing', async () => {
		const patientId = await insertPatient(db());
		const result = await reportSideEffect(db(), mailer, patientId, { kind: 'itching', severity: 'terrible', description: '   ' }, patientActor(patientId));
		expect(result).toEqual({
			ok: false,
			code: 'invalid',
			fields: { kind: 'outcomes.error.kind', severity: 'outcomes.error.severity', description: 'outcomes.error.description' }
		});
		expect(
			await reportSideEffect(db(), mailer, patientId, { kind: 'pain', severity: 'mild', description: 'あ'.repeat(2001) }, patientActor(patientId))
		).toMatchObject({
			fields: { description: 'outcomes.error.descriptionTooLong' }
		});
		expect(await reportSideEffect(db(), mailer, randomUUID(), { kind: 'pain', severity: 'mild', description: '痛い' }, patientActor(patientId))).toEqual({
			ok: false,
			code: 'not_found'
		});
		expect(await db().kysely.selectFrom('side_effect_report').select('id').where('patient_id', '=', patientId).execute()).toEqual([]);
	});

	it('lists open reports first, filters by patient, and marks one handled once', async () => {
		const { patientId, practitionerStaff } = await patientWithVisits(db());
		const staffActor: AuditActor = { type: 'staff', id: practitionerStaff.id, ip: null, requestId: null };
		const first = await reportSideEffect(db(), mailer, patientId, { kind: 'pain', severity: 'mild', description: '一' }, patientActor(patientId), {
			now: new Date('2026-05-10T01:00:00Z')
		});
		const second = await reportSideEffect(db(), mailer, patientId, { kind: 'fatigue', severity: 'mild', description: '二' }, patientActor(patientId), {
			now: new Date('2026-05-10T02:00:00Z')
		});
		if (!first.ok || !second.ok) throw new Error('reports not saved');
		expect(await markSideEffectHandled(db(), second.id, practitionerStaff.id, staffActor, NOW)).toEqual({ ok: true });
		expect(await markSideEffectHandled(db(), second.id, practitionerStaff.id, staffActor, NOW)).toEqual({ ok: false, code: 'already_handled' });
		expect(await markSideEffectHandled(db(), randomUUID(), practitionerStaff.id, staffActor, NOW)).toEqual({ ok: false, code: 'not_found' });

		const mine = await listSideEffects(db(), { patientId }, staffActor);
		expect(mine.map((r) => [r.id, r.handledAt !== null])).toEqual([
			[first.id, false],
			[second.id, true]
		]);
		expect(mine[1]).toMatchObject({ handledByName: expect.stringContaining('practitioner'), familyName: '山田', kind: 'fatigue' });
		const open = await listSideEffects(db(), { openOnly: true }, staffActor);
		expect(open.some((r) => r.id === second.id)).toBe(false);
		expect(open.some((r) => r.id === first.id)).toBe(true);
		const all = await listSideEffects(db(), {}, staffActor);
		const firstHandled = all.findIndex((r) => r.handledAt !== null);
		expect(all.slice(firstHandled).every((r) => r.handledAt !== null)).toBe(true);
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('patient_id', '=', patientId)
			.where('action', 'in', ['side_effect.handled', 'side_effect.list'])
			.execute();
		expect(audit.map((a) => a.action).sort()).toEqual(['side_effect.handled', 'side_effect.list']);
	});
});
