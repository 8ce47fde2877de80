import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { ensureDefaultConsentDocuments } from '../consent/default-documents';
import { SEND_MAIL_JOB, sendQueuedMail } from '../mail/mail-jobs';
import type { Mailer, OutgoingMail } from '../mail/mailer';
import { createStaffAppointment } from '../schedule/create-staff-appointment';
import { seedSchedule, type SeededSchedule } from '../schedule/test-schedule';
import { setStatus } from '../schedule/set-status';
import { inviteToRecall, setRecallWeeks } from './invite';
import { loadRecallList } from './recall-list';
import { RECALL_INVITATION_JOB, sendRecallInvitation } from './recall-mail';

/** Visits on a Monday; the list is read four weeks later. */
const VISIT_DAY = '2026-11-30';
const NOW = new Date('2026-12-28T03:00:00Z');

describeEachDatabase('recall', (db) => {
	let s: SeededSchedule;
	const patients: Record<string, string> = {};

	async function visit(name: string, time: string, status: 'completed' | 'booked', date = VISIT_DAY, email = `${name}@example.jp`) {
		const result = await createStaffAppointment(
			db(),
			patients[name]
				? { patientId: patients[name], serviceId: s.follow, practitionerId: s.sato, start: `${date}T${time}:00+09:00`, source: 'staff' }
				: {
						newPatient: { familyName: '山田', givenName: name, phone: '090-1111-2222' },
						serviceId: s.follow,
						practitionerId: s.sato,
						start: `${date}T${time}:00+09:00`,
						source: 'staff'
					},
			s.actor
		);
		if (!result.ok) throw new Error(result.code);
		patients[name] = result.appointment.patient_id!;
		await db().kysely.updateTable('patient').set({ email }).where('id', '=', patients[name]).execute();
		if (status === 'completed') await setStatus(db(), result.appointment.id, 'completed', s.actor);
	}

	beforeAll(async () => {
		s = await seedSchedule(db());
		await setRecallWeeks(db(), 3, s.actor);
		await visit('due', '09:00', 'completed');
		await visit('booked', '10:30', 'completed');
		await visit('booked', '10:30', 'booked', '2027-01-11');
		await visit('withdrawn', '14:30', 'completed');
		await visit('nomail', '16:00', 'completed', VISIT_DAY, '');
		await ensureDefaultConsentDocuments(db());
		const document = await db()
			.kysely.selectFrom('consent_document')
			.select('id')
			.where('kind', '=', 'reminders')
			.orderBy('version', 'desc')
			.executeTakeFirstOrThrow();
		await db()
			.kysely.insertInto('consent_signature')
			.values({
				id: crypto.randomUUID(),
				patient_id: patients.withdrawn!,
				document_id: document.id,
				agreed: 0,
				signed_name: '山田 withdrawn',
				signed_at: '2026-12-01T00:00:00.000Z',
				ip: null,
				user_agent: null,
				recorded_by_staff_id: null
			})
			.execute();
	});

	it('lists patients due without a next visit, and marks who may not be invited', async () => {
		const view = await loadRecallList(db(), NOW);
		expect(view.recallWeeks).toBe(3);
		const byName = Object.fromEntries(view.entries.map((e) => [e.givenName, e]));
		expect(Object.keys(byName).sort()).toEqual(['due', 'nomail', 'withdrawn']);
		expect(byName.due).toMatchObject({ lastVisitOn: VISIT_DAY, dueOn: '2026-12-21', basis: 'weeks', daysOverdue: 7, inviteBlocked: null, lastInvitedAt: null });
		expect(byName.withdrawn?.inviteBlocked).toBe('reminders_withdrawn');
		expect(byName.nomail?.inviteBlocked).toBe('no_email');
	});

	it('invites by mail through the job queue, audits it and shows when', async () => {
		const result = await inviteToRecall(db(), patients.due!, s.actor, NOW);
		expect(result).toMatchObject({ ok: true });
		const job = await db().kysely.selectFrom('job').select(['payload']).where('kind', '=', RECALL_INVITATION_JOB).executeTakeFirstOrThrow();
		const sent: OutgoingMail[] = [];
		const mailer: Mailer = { canDeliver: false, send: async (_db, mail) => (sent.push(mail), { id: 'm', delivered: false }) };
		await sendRecallInvitation({ db: db(), mailer, origin: 'https://clinic.example' }, JSON.parse(job.payload));
		// The invitation goes to the patient's channels: the mail is queued, sealed, and sent by its own job.
		const queued = await db().kysely.selectFrom('job').select('payload').where('kind', '=', SEND_MAIL_JOB).execute();
		expect(queued).toHaveLength(1);
		expect(queued[0]!.payload).not.toContain('due@example.jp');
		await sendQueuedMail(db(), mailer, JSON.parse(queued[0]!.payload));
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ to: 'due@example.jp', kind: 'recall.invitation' });
		expect(sent[0]!.text).toContain('https://clinic.example/book');
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('action')
			.where('patient_id', '=', patients.due!)
			.where('action', '=', 'recall.invite')
			.execute();
		expect(audit).toHaveLength(1);
		const view = await loadRecallList(db(), NOW);
		expect(view.entries.find((e) => e.givenName === 'due')?.lastInvitedAt).toBe(NOW.toISOString());
	});

	it('never invites a patient who withdrew consent to reminders', async () => {
		expect(await inviteToRecall(db(), patients.withdrawn!, s.actor, NOW)).toEqual({ ok: false, code: 'reminders_withdrawn' });
		expect(await inviteToRecall(db(), patients.nomail!, s.actor, NOW)).toEqual({ ok: false, code: 'no_email' });
		const rows = await db()
			.kysely.selectFrom('recall_invitation')
			.select('patient_id')
			.where('patient_id', 'in', [patients.withdrawn!, patients.nomail!])
			.execute();
		expect(rows).toEqual([]);
		expect(await inviteToRecall(db(), crypto.randomUUID(), s.actor, NOW)).toEqual({ ok: false, code: 'not_found' });
		expect(await inviteToRecall(db(), patients.due!, { type: 'anonymous', id: null, ip: null, requestId: null }, NOW)).toEqual({
			ok: false,
			code: 'forbidden'
		});
	});

	it('refuses a weeks setting out of range', async () => {
		expect(await setRecallWeeks(db(), 0, s.actor)).toEqual({ ok: false, code: 'invalid' });
		expect(await setRecallWeeks(db(), 1.5, s.actor)).toEqual({ ok: false, code: 'invalid' });
	});
});
