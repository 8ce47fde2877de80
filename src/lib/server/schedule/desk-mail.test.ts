import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { cancelAppointment } from './cancel-appointment';
import { createStaffAppointment } from './create-staff-appointment';
import { deskMoveMail, DESK_MOVE_MAIL_JOB } from './desk-move-mail';
import { movedVisitMail } from '../booking/booking-mail';
import { moveAppointment } from './move-appointment';
import { at, seedSchedule, type SeededSchedule } from './test-schedule';

/* Issue #22: a phone booking gets the online booking's mail; a desk move or cancellation tells the patient. */
describeEachDatabase('the mail the desk sends a patient', (db) => {
	let s: SeededSchedule;
	const jobsFor = async (appointmentId: string) =>
		(await db().kysely.selectFrom('job').select(['kind', 'payload']).orderBy('kind').execute())
			.filter((j) => j.payload.includes(appointmentId))
			.map((j) => j.kind);
	const book = async (familyName: string, start: string, extra: { email?: string; source?: 'staff' | 'walk_in' } = {}) => {
		const result = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName, givenName: '花子', phone: '090-5555-6666' },
				serviceId: s.follow,
				practitionerId: s.sato,
				start,
				source: extra.source ?? 'staff',
				email: extra.email
			},
			s.actor
		);
		if (!result.ok) throw new Error(result.code);
		return result;
	};

	beforeAll(async () => {
		s = await seedSchedule(db());
	});

	it('keeps the e-mail given by phone on the new patient and queues the confirmation with a manage link', async () => {
		const result = await book('電話', at('15:00'), { email: 'denwa@example.jp' });
		expect(result.mailed).toBe(true);
		const patient = await db().kysely.selectFrom('patient').select(['email', 'email_source']).where('id', '=', result.patient.id).executeTakeFirstOrThrow();
		expect(patient).toEqual({ email: 'denwa@example.jp', email_source: 'desk' });
		const row = await db().kysely.selectFrom('appointment').select('manage_token_hash').where('id', '=', result.appointment.id).executeTakeFirstOrThrow();
		expect(row.manage_token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(await jobsFor(result.appointment.id)).toContain('mail.booking_confirmation');
	});

	it('sends nothing for a booking without an address, nor a confirmation to a walk-in', async () => {
		const none = await book('住所なし', at('16:00'));
		expect(none.mailed).toBe(false);
		expect(await jobsFor(none.appointment.id)).toEqual([]);
		const walkIn = await book('飛込', at('17:00'), { email: 'walkin@example.jp', source: 'walk_in' });
		expect(walkIn.mailed).toBe(false);
		expect(await jobsFor(walkIn.appointment.id)).toEqual([]);
	});

	it('mails a desk move naming the patient with the old and new time in words, unless told in person', async () => {
		const { appointment } = await book('移動', at('09:00'), { email: 'idou@example.jp' });
		const moved = await moveAppointment(db(), { appointmentId: appointment.id, start: at('10:30') }, s.actor);
		expect(moved.ok).toBe(true);
		expect(await jobsFor(appointment.id)).toContain(DESK_MOVE_MAIL_JOB);
		const mail = await deskMoveMail(db(), appointment.id, appointment.starts_at, 'https://clinic.example');
		expect(mail?.to).toBe('idou@example.jp');
		expect(mail?.text).toContain('移動 花子 様');
		expect(mail?.text).toContain('変更前: 2026年11月30日月曜日 9:00');
		expect(mail?.text).toContain('変更後: 2026年11月30日月曜日 10:30');
		expect(mail?.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
		expect(mail?.text).toContain('変更した内容: 日時\n');
		// The one moved-visit mail: the same mail a patient's own move sends.
		const same = await movedVisitMail(db(), appointment.id, { from: appointment.starts_at }, 'https://clinic.example');
		expect([same?.kind, same?.subject, same?.text]).toEqual([mail?.kind, mail?.subject, mail?.text]);
		// Given to another practitioner: the mail says so, naming the one before.
		const other = await db()
			.kysely.selectFrom('practitioner')
			.select(['id', 'family_name_ja'])
			.where('id', '!=', appointment.practitioner_id)
			.executeTakeFirstOrThrow();
		const mailTo = await deskMoveMail(db(), appointment.id, appointment.starts_at, 'https://clinic.example', other.id);
		expect(mailTo?.text).toMatch(new RegExp(`変更した内容: 日時、担当（変更前: ${other.family_name_ja} `));

		const before = (await jobsFor(appointment.id)).filter((k) => k === DESK_MOVE_MAIL_JOB).length;
		expect((await moveAppointment(db(), { appointmentId: appointment.id, start: at('11:00'), notifyPatient: false }, s.actor)).ok).toBe(true);
		expect((await jobsFor(appointment.id)).filter((k) => k === DESK_MOVE_MAIL_JOB)).toHaveLength(before);
	});

	it('queues the cancellation mail unless the desk told the patient in person', async () => {
		const told = await book('対面', at('14:30', '2026-12-01'), { email: 'taimen@example.jp' });
		expect(await cancelAppointment(db(), told.appointment.id, s.actor, undefined, { notifyPatient: false })).toEqual({ ok: true });
		expect(await jobsFor(told.appointment.id)).not.toContain('mail.booking_cancellation');
		const mailed = await book('連絡', at('10:00', '2026-12-01'), { email: 'renraku@example.jp' });
		expect(await cancelAppointment(db(), mailed.appointment.id, s.actor)).toEqual({ ok: true });
		expect(await jobsFor(mailed.appointment.id)).toContain('mail.booking_cancellation');
	});

	it('writes nothing for a cancelled visit', async () => {
		const { appointment } = await book('取消後', at('18:30'), { email: 'torikeshi@example.jp' });
		await cancelAppointment(db(), appointment.id, s.actor);
		expect(await deskMoveMail(db(), appointment.id, appointment.starts_at, 'https://clinic.example')).toBeNull();
	});
});

describeEachDatabase('checking a move before it is made', (db) => {
	let s: SeededSchedule;

	beforeAll(async () => {
		s = await seedSchedule(db());
	});

	it('answers as the move would, and writes nothing: no new time, no audit row, no mail', async () => {
		const book = async (familyName: string, start: string) => {
			const result = await createStaffAppointment(
				db(),
				{ newPatient: { familyName, givenName: '一', phone: '090-7777-8888' }, serviceId: s.follow, practitionerId: s.sato, start, source: 'staff' },
				s.actor
			);
			if (!result.ok) throw new Error(result.code);
			return result.appointment;
		};
		const mine = await book('確認', at('09:00'));
		const other = await book('先客', at('11:00'));
		const audits = async () => (await db().kysely.selectFrom('audit_log').select('seq').where('entity_id', '=', mine.id).execute()).length;
		const before = await audits();
		expect(await moveAppointment(db(), { appointmentId: mine.id, start: at('10:30') }, s.actor, { check: true })).toMatchObject({
			ok: false,
			code: 'conflict',
			conflictWith: { id: other.id }
		});
		const fine = await moveAppointment(db(), { appointmentId: mine.id, start: at('09:30') }, s.actor, { check: true });
		expect(fine).toMatchObject({ ok: true, appointment: { starts_at: '2026-11-30T00:30:00.000Z' } });
		const row = await db().kysely.selectFrom('appointment').select('starts_at').where('id', '=', mine.id).executeTakeFirstOrThrow();
		expect(row.starts_at).toBe(mine.starts_at);
		const grains = await db().kysely.selectFrom('occupancy').select('grain_start').where('appointment_id', '=', mine.id).orderBy('grain_start').execute();
		expect(grains[0]!.grain_start).toBe(mine.starts_at);
		expect(await audits()).toBe(before);
		const jobs = await db().kysely.selectFrom('job').select('kind').where('kind', '=', DESK_MOVE_MAIL_JOB).where('payload', 'like', `%${mine.id}%`).execute();
		expect(jobs).toEqual([]);
	});
});
