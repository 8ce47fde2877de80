import { beforeAll, beforeEach, expect, it } from 'vitest';
import { capturingMailer } from '../../../../tests/support/capturing-mailer';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { createBooking } from '../booking/create-booking';
import { getAvailability } from '../booking/get-availability';
import { cancelBooking } from '../booking/manage-booking';
import type { Db } from '../db/database';
import { runDueJobs } from '../jobs/worker';
import { erasePatientData } from '../privacy/erase-patient';
import { withTransaction } from '../db/transaction';
import { seedDemoAppointments } from '../seed/demo-appointments';
import { seedDemoClinic } from '../seed/demo-clinic';
import { seedDemoWaitlist } from '../seed/demo-waitlist';
import { acceptOffer, declineOffer, expireOffer } from './answer-offer';
import { joinWaitlist } from './join-waitlist';
import { OFFER_SLOT_JOB } from './jobs';
import { leaveWaitlist } from './leave-waitlist';
import { offerFreedSlot } from './offer-freed-slot';
import type { TJoinWaitlist } from './schemas';
import { listWaitlist } from './waitlist-view';
import { setStatus } from '../schedule/set-status';

const actor: AuditActor = { type: 'anonymous', id: null, ip: '203.0.113.9', requestId: 'test' };
/** A Tuesday in June without public holidays; the clinic is open 09:00–12:30 and 14:30–19:30. */
const DAY = '2030-06-04';
const NOW = Date.parse('2030-05-25T00:00:00Z');
const MINUTE = 60_000;
const at = (time: string) => Date.parse(`${DAY}T${time}:00+09:00`);

describeEachDatabase('the waiting list', (db) => {
	let serviceId = '';
	let sato = '';
	let other = '';
	let n = 0;

	beforeAll(async () => {
		await seedDemoClinic(db());
		serviceId = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
		sato = (await db().kysely.selectFrom('practitioner').select('id').where('family_name_en', '=', 'Sato').executeTakeFirstOrThrow()).id;
		other = (await db().kysely.selectFrom('practitioner').select('id').where('id', '!=', sato).executeTakeFirstOrThrow()).id;
	});

	beforeEach(async () => {
		// Each test starts with nobody waiting and no offers out.
		await db().kysely.updateTable('waitlist_entry').set({ status: 'left' }).where('status', '=', 'waiting').execute();
	});

	function wish(over: Partial<TJoinWaitlist> = {}): TJoinWaitlist {
		n++;
		return {
			serviceId,
			from: DAY,
			to: DAY,
			locale: 'en',
			patient: { familyName: 'Waiting', givenName: `Person${n}`, email: `waiting${n}@example.jp`, phone: `090-2000-${String(1000 + n)}` },
			consent: { privacy: true },
			...over
		};
	}

	async function join(over: Partial<TJoinWaitlist> = {}, now = NOW) {
		const result = await joinWaitlist(db(), wish(over), actor, 'online', now);
		if (!result.ok) throw new Error(result.code);
		return result;
	}

	async function book(time: string, practitionerId = sato) {
		n++;
		const result = await createBooking(
			db(),
			{
				serviceId,
				practitionerId,
				start: `${DAY}T${time}:00+09:00`,
				locale: 'en',
				patient: { familyName: 'Booked', givenName: `P${n}`, email: `booked${n}@example.jp`, phone: '090-1234-5678' },
				consent: { privacy: true }
			},
			actor,
			NOW
		);
		if (!result.ok) throw new Error(result.code);
		return result;
	}

	async function isFree(time: string): Promise<boolean> {
		const result = await getAvailability(db(), { service: serviceId, from: DAY, to: DAY, practitioner: sato }, { now: NOW });
		if (!result.ok) throw new Error(result.code);
		return result.slots.some((s) => s.start === at(time));
	}

	async function offersFor(entryId: string) {
		return db().kysely.selectFrom('waitlist_offer').selectAll().where('entry_id', '=', entryId).execute();
	}

	async function tokenOfOffer(mailer: ReturnType<typeof capturingMailer>, to: string): Promise<string> {
		const mail = mailer.sent.filter((m) => m.to === to && m.kind === 'waitlist.offer').at(-1);
		const match = mail?.text.match(/\/waitlist\/offer\/([A-Za-z0-9]+)/);
		if (!match) throw new Error(`no offer mail to ${to}`);
		return match[1]!;
	}

	async function emailOf(entryId: string): Promise<string> {
		const row = await db()
			.kysely.selectFrom('waitlist_entry')
			.innerJoin('patient', 'patient.id', 'waitlist_entry.patient_id')
			.select('patient.email')
			.where('waitlist_entry.id', '=', entryId)
			.executeTakeFirstOrThrow();
		return row.email;
	}

	async function runJobs(d: Db, now: number) {
		const mailer = capturingMailer();
		await runDueJobs({ db: d, mailer, origin: 'https://clinic.example' }, new Date(now));
		return mailer;
	}

	it('refuses an unknown service, a practitioner who does not give it, and dates already past', async () => {
		expect(await joinWaitlist(db(), wish({ serviceId: 'nope' }), actor, 'online', NOW)).toEqual({ ok: false, code: 'service_not_found' });
		const nonGiver = await db()
			.kysely.selectFrom('practitioner')
			.select('id')
			.where('id', 'not in', db().kysely.selectFrom('practitioner_service').select('practitioner_id').where('service_id', '=', serviceId))
			.executeTakeFirst();
		if (nonGiver)
			expect(await joinWaitlist(db(), wish({ practitionerId: nonGiver.id }), actor, 'online', NOW)).toEqual({ ok: false, code: 'practitioner_not_found' });
		expect(await joinWaitlist(db(), wish({ from: '2030-05-01', to: '2030-05-02' }), actor, 'online', NOW)).toEqual({ ok: false, code: 'range_past' });
		expect(await db().kysely.selectFrom('waitlist_entry').select('id').where('status', '=', 'waiting').execute()).toHaveLength(0);
	});

	it('offers a cancelled slot to the longest-waiting person it fits, holds it, and books it in one step', async () => {
		const booking = await book('10:00');
		const wrongDay = await join({ from: '2030-06-05', to: '2030-06-05' }, NOW - 5 * MINUTE);
		const first = await join({}, NOW - 3 * MINUTE);
		const second = await join({}, NOW - 1 * MINUTE);
		expect(await cancelBooking(db(), booking.manageToken, actor, NOW)).toEqual({ ok: true });
		const queued = await db().kysely.selectFrom('job').select('payload').where('kind', '=', OFFER_SLOT_JOB).where('done_at', 'is', null).execute();
		expect(queued.map((j) => JSON.parse(j.payload))).toContainEqual({ practitionerId: sato, start: new Date(at('10:00')).toISOString() });

		const mailer = await runJobs(db(), NOW);
		expect(await offersFor(wrongDay.entryId)).toHaveLength(0);
		expect(await offersFor(second.entryId)).toHaveLength(0);
		const [offer] = await offersFor(first.entryId);
		expect(offer).toMatchObject({
			status: 'offered',
			practitioner_id: sato,
			starts_at: new Date(at('10:00')).toISOString(),
			expires_at: new Date(NOW + 30 * MINUTE).toISOString()
		});
		// Held: availability hides it, and booking it fails.
		expect(await isFree('10:00')).toBe(false);
		await expect(book('10:00')).rejects.toThrow('slot_taken');

		const token = await tokenOfOffer(mailer, await emailOf(first.entryId));
		const accepted = await acceptOffer(db(), token, actor, NOW + 10 * MINUTE);
		expect(accepted.ok).toBe(true);
		if (!accepted.ok) return;
		const visit = await db().kysely.selectFrom('appointment').selectAll().where('id', '=', accepted.appointmentId).executeTakeFirstOrThrow();
		const entry = await db().kysely.selectFrom('waitlist_entry').selectAll().where('id', '=', first.entryId).executeTakeFirstOrThrow();
		expect(visit).toMatchObject({ status: 'booked', patient_id: entry.patient_id, starts_at: new Date(at('10:00')).toISOString(), source: 'online', note: '' });
		expect(entry).toMatchObject({ status: 'booked', appointment_id: visit.id });
		// One step, once: a second click books nothing more.
		expect(await acceptOffer(db(), token, actor, NOW + 11 * MINUTE)).toEqual({ ok: false, code: 'already_accepted' });
		const audit = await db().kysely.selectFrom('audit_log').select('action').where('action', 'like', 'waitlist.%').execute();
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['waitlist.join', 'waitlist.offer', 'waitlist.accept']));
	});

	it('passes a declined or expired offer to the next person, and never offers anyone the same slot twice', async () => {
		const booking = await book('11:00');
		const first = await join({}, NOW - 3 * MINUTE);
		const second = await join({ practitionerId: sato }, NOW - 2 * MINUTE);
		const third = await join({ times: [{ weekday: 2, start: '10:30', end: '12:00' }] }, NOW - 1 * MINUTE);
		await cancelBooking(db(), booking.manageToken, actor, NOW);
		let mailer = await runJobs(db(), NOW);

		expect(await declineOffer(db(), await tokenOfOffer(mailer, await emailOf(first.entryId)), actor, NOW + MINUTE)).toEqual({ ok: true });
		mailer = await runJobs(db(), NOW + MINUTE);
		expect((await offersFor(second.entryId)).map((o) => o.status)).toEqual(['offered']);
		// The second person lets it run out; the expiry job passes it to the third.
		mailer = await runJobs(db(), NOW + 40 * MINUTE);
		expect((await offersFor(second.entryId)).map((o) => o.status)).toEqual(['expired']);
		expect((await offersFor(third.entryId)).map((o) => o.status)).toEqual(['offered']);
		const thirdToken = await tokenOfOffer(mailer, await emailOf(third.entryId));
		expect(await declineOffer(db(), thirdToken, actor, NOW + 41 * MINUTE)).toEqual({ ok: true });
		await runJobs(db(), NOW + 41 * MINUTE);
		// Everyone has had it once: nobody is offered it again, and the time is free for anyone.
		expect((await offersFor(first.entryId)).map((o) => o.status)).toEqual(['declined']);
		expect((await offersFor(second.entryId)).map((o) => o.status)).toEqual(['expired']);
		expect((await offersFor(third.entryId)).map((o) => o.status)).toEqual(['declined']);
		expect(await isFree('11:00')).toBe(true);
	});

	it('refuses an offer link after its hold time and offers the slot on', async () => {
		const booking = await book('14:30');
		const first = await join({}, NOW - 2 * MINUTE);
		await join({}, NOW - 1 * MINUTE);
		await cancelBooking(db(), booking.manageToken, actor, NOW);
		const mailer = await runJobs(db(), NOW);
		const email = await emailOf(first.entryId);
		expect(await acceptOffer(db(), await tokenOfOffer(mailer, email), actor, NOW + 31 * MINUTE)).toEqual({ ok: false, code: 'expired' });
		expect(await acceptOffer(db(), 'not-a-token', actor, NOW)).toEqual({ ok: false, code: 'not_found' });
		const [offer] = await offersFor(first.entryId);
		expect(offer!.status).toBe('expired');
		expect(await expireOffer(db(), offer!.id, NOW + 32 * MINUTE)).toBe(false);
	});

	it('leaving the list gives up an open offer, which passes on', async () => {
		const booking = await book('15:30');
		const first = await join({}, NOW - 2 * MINUTE);
		const second = await join({}, NOW - 1 * MINUTE);
		await cancelBooking(db(), booking.manageToken, actor, NOW);
		await runJobs(db(), NOW);
		expect(await leaveWaitlist(db(), { entryId: first.entryId }, actor, NOW + MINUTE)).toEqual({ ok: true });
		expect(await leaveWaitlist(db(), first.manageToken, actor, NOW + MINUTE)).toEqual({ ok: false, code: 'not_waiting' });
		await runJobs(db(), NOW + MINUTE);
		expect((await offersFor(first.entryId)).map((o) => o.status)).toEqual(['declined']);
		expect((await offersFor(second.entryId)).map((o) => o.status)).toEqual(['offered']);
	});

	it('gives a freed slot to one person only when offers, bookings and answers race', async () => {
		const booking = await book('16:30');
		const people = await Promise.all([1, 2, 3].map((i) => join({}, NOW - i * MINUTE)));
		await cancelBooking(db(), booking.manageToken, actor, NOW);
		// Two instances run the offer at once, while someone books the same time online.
		const outcomes = await Promise.allSettled([offerFreedSlot(db(), sato, at('16:30'), NOW), offerFreedSlot(db(), sato, at('16:30'), NOW), book('16:30')]);
		const offered = outcomes.filter((o) => o.status === 'fulfilled' && typeof o.value === 'object' && 'offered' in o.value && o.value.offered);
		const booked = outcomes.filter((o, i) => i === 2 && o.status === 'fulfilled');
		expect(offered.length + booked.length).toBe(1);
		const holders = await db()
			.kysely.selectFrom('appointment')
			.select('id')
			.where('practitioner_id', '=', sato)
			.where('starts_at', '=', new Date(at('16:30')).toISOString())
			.where('status', '!=', 'cancelled')
			.execute();
		expect(holders).toHaveLength(1);
		const offers = await db()
			.kysely.selectFrom('waitlist_offer')
			.select(['id', 'token_hash'])
			.where(
				'entry_id',
				'in',
				people.map((p) => p.entryId)
			)
			.execute();
		expect(offers.length).toBe(offered.length);
	});

	it('books a held slot once when the link is clicked twice at the same moment', async () => {
		const booking = await book('17:30');
		const first = await join({}, NOW - 1 * MINUTE);
		await cancelBooking(db(), booking.manageToken, actor, NOW);
		const mailer = await runJobs(db(), NOW);
		const email = await emailOf(first.entryId);
		const token = await tokenOfOffer(mailer, email);
		const results = await Promise.all([acceptOffer(db(), token, actor, NOW + MINUTE), acceptOffer(db(), token, actor, NOW + MINUTE)]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(['already_accepted']);
	});

	it('uses the clinic hold time and offers nothing for a time already begun', async () => {
		await db().kysely.updateTable('clinic').set({ waitlist_hold_minutes: 45 }).execute();
		try {
			const booking = await book('18:30');
			const first = await join({}, NOW - 1 * MINUTE);
			await cancelBooking(db(), booking.manageToken, actor, NOW);
			await runJobs(db(), NOW);
			const [offer] = await offersFor(first.entryId);
			expect(offer!.expires_at).toBe(new Date(NOW + 45 * MINUTE).toISOString());
			expect(await offerFreedSlot(db(), sato, at('09:00'), at('09:30'))).toEqual({ offered: false, reason: 'past' });
			expect(await offerFreedSlot(db(), other, at('18:30'), NOW)).toMatchObject({ offered: false });
		} finally {
			await db().kysely.updateTable('clinic').set({ waitlist_hold_minutes: 30 }).execute();
		}
	});

	it('offers the rest of a no-show’s time, only at starts still ahead and within the notice', async () => {
		const DAY2 = '2030-06-11';
		const at2 = (time: string) => Date.parse(`${DAY2}T${time}:00+09:00`);
		const reception = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'reception').executeTakeFirstOrThrow();
		const desk: AuditActor = { type: 'staff', id: reception.id, ip: '192.0.2.10', requestId: 'test' };
		const visit = await createBooking(
			db(),
			{
				serviceId,
				practitionerId: sato,
				start: `${DAY2}T10:00:00+09:00`,
				locale: 'en',
				patient: { familyName: 'Missed', givenName: 'Visit', email: 'missed@example.jp', phone: '090-1234-5678' },
				consent: { privacy: true }
			},
			actor,
			NOW
		);
		if (!visit.ok) throw new Error(visit.code);
		const waiting = await join({ from: DAY2, to: DAY2 }, NOW - MINUTE);
		expect(await setStatus(db(), visit.appointment.id, 'no_show', desk, at2('10:07'))).toMatchObject({ ok: true, changed: true });
		const queued = await db().kysely.selectFrom('job').select('payload').where('kind', '=', OFFER_SLOT_JOB).where('done_at', 'is', null).execute();
		expect(queued.map((j) => JSON.parse(j.payload))).toContainEqual({
			practitionerId: sato,
			start: new Date(at2('10:05')).toISOString(),
			until: visit.appointment.held_until
		});
		// The clinic's two hours' notice: no start in 10:05–10:55 can be offered any more.
		await runJobs(db(), at2('10:07'));
		expect(await offersFor(waiting.entryId)).toEqual([]);
		await db().kysely.updateTable('service').set({ min_notice_minutes: 0 }).where('id', '=', serviceId).execute();
		try {
			// Without notice the first start still ahead (10:15) is offered and held; none already begun.
			expect(await offerFreedSlot(db(), sato, at2('10:05'), at2('10:07'), Date.parse(visit.appointment.held_until))).toMatchObject({
				offered: true,
				entryId: waiting.entryId
			});
			expect((await offersFor(waiting.entryId)).map((o) => o.starts_at)).toEqual([new Date(at2('10:15')).toISOString()]);
			// Marked after the visit's time was over, nothing is offered.
			expect(await offerFreedSlot(db(), sato, at2('10:05'), at2('11:00'), at2('10:55'))).toEqual({ offered: false, reason: 'past' });
		} finally {
			await db().kysely.updateTable('service').set({ min_notice_minutes: null }).where('id', '=', serviceId).execute();
		}
	});

	it('deleting a patient’s data takes their entry and offer with it and frees the held slot', async () => {
		const booking = await book('09:00');
		const first = await join({}, NOW - 1 * MINUTE);
		await cancelBooking(db(), booking.manageToken, actor, NOW);
		await runJobs(db(), NOW);
		expect(await isFree('09:00')).toBe(false);
		const entry = await db().kysely.selectFrom('waitlist_entry').select('patient_id').where('id', '=', first.entryId).executeTakeFirstOrThrow();
		await withTransaction(db(), (tx) => erasePatientData(tx, entry.patient_id, [], 'request', new Date(NOW + MINUTE)));
		expect(await db().kysely.selectFrom('waitlist_entry').select('id').where('id', '=', first.entryId).execute()).toEqual([]);
		expect(await offersFor(first.entryId)).toEqual([]);
		expect(await isFree('09:00')).toBe(true);
	});
});

describeEachDatabase('the demo waiting list', (db) => {
	it('shows the desk a few people waiting, longest first', async () => {
		await seedDemoClinic(db());
		await seedDemoAppointments(db(), NOW);
		await seedDemoWaitlist(db(), NOW);
		const list = await listWaitlist(db());
		expect(list).toHaveLength(3);
		expect(list.map((e) => e.createdAt)).toEqual([...list.map((e) => e.createdAt)].sort());
		expect(list[0]!.createdAt).toBe(new Date(NOW - 74 * 3_600_000).toISOString());
	});
});
