import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { addDays } from '../../domain/time';
import { findOrCreatePatient } from '../patients/find-or-create-patient';
import { createStaffAppointment } from '../schedule/create-staff-appointment';
import { at, MONDAY, seedSchedule, type SeededSchedule } from '../schedule/test-schedule';
import { bookSeries } from './book-series';
import { cancelSeriesVisits, moveSeriesVisits } from './change-series-visits';
import { previewSeries } from './preview-series';
import { SERIES_CANCELLATION_MAIL_JOB, seriesCancellationMail, seriesMail, SERIES_MAIL_HANDLERS } from './series-mail';
import { capturingMailer } from '../../../../tests/support/capturing-mailer';
import { OFFER_SLOT_JOB } from '../waitlist/jobs';
import type { TSeriesRequest } from './schemas';
import { listSeriesVisitsOn, loadPatientSeriesStatus } from './series-status';

// The Friday before the first Monday: the whole series lies ahead.
const NOW = Date.parse('2026-11-27T00:00:00Z');
const mondays = [0, 7, 14, 21].map((d) => addDays(MONDAY, d));

describeEachDatabase('a series from the plan', (db) => {
	let s: SeededSchedule;
	let hanako = '';
	let taro = '';
	let seriesId = '';

	const request = (patientId: string, practitionerId: string, time = '10:00'): TSeriesRequest => ({
		patientId,
		serviceId: s.follow,
		practitionerId,
		firstDate: MONDAY,
		time,
		count: 4,
		frequencyPerWeek: 1,
		bedId: undefined,
		planId: undefined
	});
	const visitsOf = (proposals: Awaited<ReturnType<typeof previewSeries>>) => {
		if (!proposals.ok) throw new Error(proposals.code);
		return proposals.proposals.flatMap((p) => {
			const slot = p.slot ?? p.alternative;
			return slot ? [{ start: new Date(slot.start).toISOString(), practitionerId: slot.practitionerId }] : [];
		});
	};
	const countSeriesRows = async () => (await db().kysely.selectFrom('appointment_series').select('id').execute()).length;

	beforeAll(async () => {
		s = await seedSchedule(db());
		hanako = (
			await findOrCreatePatient(
				db(),
				{ familyName: '山田', givenName: '花子', email: 'hanako@example.jp', phone: '090-1111-2222', dateOfBirth: '1980-01-01' },
				'ja'
			)
		).id;
		taro = (
			await findOrCreatePatient(
				db(),
				{ familyName: '鈴木', givenName: '太郎', email: 'taro@example.jp', phone: '090-3333-4444', dateOfBirth: '1975-05-05' },
				'ja'
			)
		).id;
	});

	it('previews weekly × 4 and shows the taken visit with the nearest free time, writing nothing', async () => {
		const blocker = await createStaffAppointment(
			db(),
			{ patientId: taro, serviceId: s.follow, practitionerId: s.sato, start: at('10:00', mondays[1]), source: 'staff' },
			s.actor
		);
		expect(blocker.ok).toBe(true);
		const preview = await previewSeries(db(), request(hanako, s.sato), NOW);
		if (!preview.ok) throw new Error(preview.code);
		expect(preview.proposals.map((p) => p.slot !== null)).toEqual([true, false, true, true]);
		const second = preview.proposals[1]!;
		expect(second.alternative).not.toBeNull();
		expect(second.alternative!.practitionerId).toBe(s.sato);
		// 10:00–10:55 is taken; 09:00 (ending 09:55) and 11:00 are both an hour away: the earlier wins.
		expect(second.alternative!.start).toBe(Date.parse(at('09:00', mondays[1])));
		expect(await countSeriesRows()).toBe(0);
	});

	it('books the series with its alternative in one step: one mail, a reminder per visit, audited', async () => {
		const result = await bookSeries(
			db(),
			{ patientId: hanako, serviceId: s.follow, practitionerId: s.sato, visits: visitsOf(await previewSeries(db(), request(hanako, s.sato), NOW)) },
			s.actor,
			NOW
		);
		if (!result.ok) throw new Error(result.code);
		seriesId = result.seriesId;
		expect(result.appointments.map((a) => a.starts_at)).toEqual([
			new Date(at('10:00', mondays[0])).toISOString(),
			new Date(at('09:00', mondays[1])).toISOString(),
			new Date(at('10:00', mondays[2])).toISOString(),
			new Date(at('10:00', mondays[3])).toISOString()
		]);
		expect(result.appointments.every((a) => a.series_id === seriesId && a.practitioner_id === s.sato)).toBe(true);
		const grains = await db()
			.kysely.selectFrom('occupancy')
			.select('appointment_id')
			.where(
				'appointment_id',
				'in',
				result.appointments.map((a) => a.id)
			)
			.execute();
		expect(grains).toHaveLength(4 * 22);
		const jobs = await db()
			.kysely.selectFrom('job')
			.select(['kind', 'payload'])
			.where('kind', 'in', ['mail.series_confirmation', 'mail.booking_reminder'])
			.execute();
		expect(jobs.filter((j) => j.kind === 'mail.series_confirmation')).toHaveLength(1);
		expect(jobs.filter((j) => j.kind === 'mail.booking_reminder')).toHaveLength(4);
		const audit = await db().kysely.selectFrom('audit_log').select(['action', 'patient_id']).where('entity_id', '=', seriesId).execute();
		expect(audit).toEqual([{ action: 'series.book', patient_id: hanako }]);
		// One mail lists every visit, with one calendar file holding them all.
		const mail = await seriesMail(db(), seriesId, 'https://clinic.example.jp');
		expect(mail?.to).toBe('hanako@example.jp');
		expect(mail?.text.match(/^\d\. /gm)).toHaveLength(4);
		const ics = mail!.attachments!()[0]!.content;
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
		for (const a of result.appointments) expect(ics).toContain(`${a.id}@shinkyu`);
	});

	it('writes nothing at all when one visit was taken after the preview', async () => {
		const preview = await previewSeries(db(), request(taro, s.fujita, '15:00'), NOW);
		const visits = visitsOf(preview);
		expect(visits).toHaveLength(4);
		// The desk books someone else into the third visit's time between the preview and the booking.
		const meanwhile = await createStaffAppointment(
			db(),
			{ patientId: hanako, serviceId: s.follow, practitionerId: s.fujita, start: visits[2]!.start, source: 'staff' },
			s.actor
		);
		expect(meanwhile.ok).toBe(true);
		const before = await db().kysely.selectFrom('appointment').select('id').execute();
		const seriesBefore = await countSeriesRows();
		const result = await bookSeries(db(), { patientId: taro, serviceId: s.follow, practitionerId: s.fujita, visits }, s.actor, NOW);
		expect(result).toEqual({ ok: false, code: 'conflict', index: 2 });
		expect(await db().kysely.selectFrom('appointment').select('id').execute()).toHaveLength(before.length);
		expect(await countSeriesRows()).toBe(seriesBefore);
	});

	it('gives a slot to one side only when a series and a desk booking race for it, and the series is whole or absent', async () => {
		const visits = visitsOf(await previewSeries(db(), request(taro, s.takahashi, '16:00'), NOW));
		expect(visits).toHaveLength(4);
		const [series, desk] = await Promise.all([
			bookSeries(db(), { patientId: taro, serviceId: s.follow, practitionerId: s.takahashi, visits }, s.actor, NOW),
			createStaffAppointment(db(), { patientId: taro, serviceId: s.follow, practitionerId: s.takahashi, start: visits[3]!.start, source: 'staff' }, s.actor)
		]);
		expect([series.ok, desk.ok].filter(Boolean)).toHaveLength(1);
		const atSlot = await db()
			.kysely.selectFrom('appointment')
			.select(['id', 'series_id'])
			.where('practitioner_id', '=', s.takahashi)
			.where('status', '=', 'booked')
			.where('starts_at', '=', new Date(visits[3]!.start).toISOString())
			.execute();
		expect(atSlot).toHaveLength(1);
		const seriesVisits = await db()
			.kysely.selectFrom('appointment')
			.select('id')
			.where('practitioner_id', '=', s.takahashi)
			.where('series_id', 'is not', null)
			.execute();
		expect(seriesVisits).toHaveLength(series.ok ? 4 : 0);
	});

	it('moves "this and the following" by the same shift, all in one step', async () => {
		const visits = await db().kysely.selectFrom('appointment').selectAll().where('series_id', '=', seriesId).orderBy('starts_at').execute();
		const result = await moveSeriesVisits(db(), visits[2]!.id, 'following', Date.parse(at('11:30', mondays[2])), s.actor);
		expect(result).toEqual({ ok: true, changed: 2, seriesId });
		const after = await db().kysely.selectFrom('appointment').select('starts_at').where('series_id', '=', seriesId).orderBy('starts_at').execute();
		expect(after.map((a) => a.starts_at).slice(2)).toEqual([new Date(at('11:30', mondays[2])).toISOString(), new Date(at('11:30', mondays[3])).toISOString()]);
		// Outside the opening hours for any one of them (12:30 + 45 minutes runs past the lunch break): nothing moves.
		expect(await moveSeriesVisits(db(), visits[2]!.id, 'following', Date.parse(at('12:30', mondays[2])), s.actor)).toEqual({
			ok: false,
			code: 'outside_hours'
		});
	});

	it('refuses a move into a taken time and leaves every visit where it was', async () => {
		const visits = await db().kysely.selectFrom('appointment').selectAll().where('series_id', '=', seriesId).orderBy('starts_at').execute();
		// Sato sees Taro at 10:00 on the second Monday.
		const clash = await moveSeriesVisits(db(), visits[1]!.id, 'one', Date.parse(at('10:00', mondays[1])), s.actor);
		expect(clash).toEqual({ ok: false, code: 'conflict' });
		const after = await db().kysely.selectFrom('appointment').select('starts_at').where('series_id', '=', seriesId).orderBy('starts_at').execute();
		expect(after.map((a) => a.starts_at)).toEqual(visits.map((v) => v.starts_at));
	});

	it('says the series runs out on its last booked visit, on the schedule and in the chart', async () => {
		const onFirstDay = await listSeriesVisitsOn(db(), mondays[0]!, 'Asia/Tokyo');
		expect(onFirstDay.find((v) => v.seriesId === seriesId)).toMatchObject({ position: 1, total: 4, runningOut: false });
		const onLastDay = await listSeriesVisitsOn(db(), mondays[3]!, 'Asia/Tokyo');
		expect(onLastDay.find((v) => v.seriesId === seriesId)).toMatchObject({ position: 4, total: 4, runningOut: true });
		expect((await loadPatientSeriesStatus(db(), hanako, NOW)).runningOut).toBe(false);
	});

	it('cancels "this and the following", frees their grains, and the chart then warns', async () => {
		const visits = await db().kysely.selectFrom('appointment').selectAll().where('series_id', '=', seriesId).orderBy('starts_at').execute();
		const result = await cancelSeriesVisits(db(), visits[1]!.id, 'following', s.actor, new Date(NOW));
		expect(result).toEqual({ ok: true, changed: 3, seriesId });
		const statuses = await db().kysely.selectFrom('appointment').select('status').where('series_id', '=', seriesId).orderBy('starts_at').execute();
		expect(statuses.map((a) => a.status)).toEqual(['booked', 'cancelled', 'cancelled', 'cancelled']);
		expect(
			await db()
				.kysely.selectFrom('occupancy')
				.select('resource')
				.where(
					'appointment_id',
					'in',
					visits.slice(1).map((v) => v.id)
				)
				.execute()
		).toEqual([]);
		// One message for the three, not one each; each freed time goes to the waiting list.
		const jobs = await db().kysely.selectFrom('job').select(['kind', 'payload']).where('created_at', '=', new Date(NOW).toISOString()).execute();
		const mailJobs = jobs.filter(
			(j) => j.kind === SERIES_CANCELLATION_MAIL_JOB || (j.kind === 'mail.booking_cancellation' && visits.slice(1).some((v) => j.payload.includes(v.id)))
		);
		expect(mailJobs.map((j) => [j.kind, JSON.parse(j.payload)])).toEqual([
			[
				SERIES_CANCELLATION_MAIL_JOB,
				{
					appointmentIds: visits
						.slice(1)
						.map((v) => v.id)
						.join(',')
				}
			]
		]);
		const offered = jobs.filter((j) => j.kind === OFFER_SLOT_JOB).map((j) => JSON.parse(j.payload).start);
		expect(offered).toEqual(expect.arrayContaining(visits.slice(1).map((v) => v.starts_at)));
		const mailer = capturingMailer();
		await SERIES_MAIL_HANDLERS[SERIES_CANCELLATION_MAIL_JOB]({ db: db(), mailer, origin: 'https://clinic.example' }, JSON.parse(mailJobs[0]!.payload));
		expect(mailer.sent).toHaveLength(1);
		const [mail] = mailer.sent;
		expect(mail!.subject).toContain('3回分のご予約を取り消しました');
		for (const v of visits.slice(1))
			expect(mail!.text).toContain(
				new Intl.DateTimeFormat('ja-JP', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(v.starts_at))
			);
		expect(mail!.text).not.toContain(
			new Intl.DateTimeFormat('ja-JP', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date(visits[0]!.starts_at))
		);
		const ics = mail!.attachments!()[0]!.content;
		expect(ics).toContain('METHOD:CANCEL');
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
		// Booked again meanwhile or never cancelled: nothing is said of it.
		expect(await seriesCancellationMail(db(), [visits[0]!.id], 'https://clinic.example')).toBeNull();
		// Hanako still has her first visit and the desk booking for Fujita: two upcoming, then cancel one more.
		await cancelSeriesVisits(db(), visits[0]!.id, 'one', s.actor, new Date(NOW));
		const status = await loadPatientSeriesStatus(db(), hanako, NOW);
		expect(status.upcoming).toBe(1);
		expect(status.runningOut).toBe(true);
		expect(await cancelSeriesVisits(db(), visits[0]!.id, 'one', s.actor, new Date(NOW))).toEqual({ ok: false, code: 'not_changeable' });
	});
});
