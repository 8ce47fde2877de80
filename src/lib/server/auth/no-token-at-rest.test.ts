import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { capturingMailer } from '../../../../tests/support/capturing-mailer';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { createBooking } from '../booking/create-booking';
import { getAvailability } from '../booking/get-availability';
import { fixedClock } from '../clock/clock';
import type { Db } from '../db/database';
import { beginIdempotent } from '../http/idempotency';
import { runDueJobs } from '../jobs/worker';
import { queuedMailer } from '../mail/mail-jobs';
import { requestMagicLink } from '../portal/magic-link';
import { insertPatient } from '../portal/test-patients';
import { seedDemoClinic } from '../seed/demo-clinic';
import { invitationMail } from '../staff/invitation-mail';
import { inviteStaff } from '../staff/team';

/*
 * Issue 16: a copy of the database (a dump, a stolen backup) must not hold a working link. After a
 * booking (its job, its idempotent answer, its mail), a portal sign-in link and an invitation, no
 * text column of any table contains a live token.
 */

const NOW = Date.parse('2026-11-27T00:00:00Z');
const ORIGIN = 'https://clinic.example.jp';
const anonymous = { type: 'anonymous' as const, id: null, ip: null, requestId: null };

/** Every string value of every row of every table, with where it was found. */
async function everyStoredText(db: Db): Promise<Array<{ where: string; text: string }>> {
	const tables = await db.kysely.introspection.getTables();
	const found: Array<{ where: string; text: string }> = [];
	for (const table of tables) {
		const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db.kysely);
		for (const row of rows.rows) {
			for (const [column, value] of Object.entries(row)) {
				if (typeof value === 'string') found.push({ where: `${table.name}.${column}`, text: value });
				else if (value !== null && typeof value === 'object' && !(value instanceof Date))
					found.push({ where: `${table.name}.${column}`, text: JSON.stringify(value) });
			}
		}
	}
	return found;
}

describeEachDatabase('bearer tokens at rest', (db) => {
	/** The handle with the test's fixed clock, so what it queues is due at NOW. */
	const atNow = (): Db => ({ ...db(), clock: fixedClock(NOW) });

	beforeAll(async () => {
		await seedDemoClinic(db());
	});

	it('keeps no live manage, sign-in or invitation token in any table', async () => {
		const mailer = capturingMailer();
		const tokens: string[] = [];

		// A booking through the API's idempotency cache, and its confirmation mail.
		const service = await db().kysely.selectFrom('service').select('id').where('code', '=', 'EA').executeTakeFirstOrThrow();
		const availability = await getAvailability(db(), { service: service.id, from: '2026-12-01', to: '2026-12-01' }, { now: NOW });
		if (!availability.ok) throw new Error(availability.code);
		const request = {
			serviceId: service.id,
			start: new Date(availability.slots[0]!.start).toISOString(),
			locale: 'en' as const,
			patient: { familyName: 'Rest', givenName: 'Tess', email: 'tess@example.jp', phone: '+44 20 7946 0001' },
			consent: { privacy: true as const }
		};
		const begun = await beginIdempotent(db(), 'booking-at-rest-1', request);
		if (begun.kind !== 'fresh') throw new Error(begun.kind);
		const booked = await createBooking(db(), request, anonymous, NOW);
		if (!booked.ok) throw new Error(booked.code);
		tokens.push(booked.manageToken);
		const manageUrl = `${ORIGIN}/en/booking/${booked.manageToken}`;
		await begun.save(json({ id: booked.appointment.id, manageUrl }, { status: 201 }));
		await runDueJobs({ db: db(), mailer, origin: ORIGIN }, new Date(NOW));
		expect(mailer.sent.find((m) => m.to === 'tess@example.jp')?.text).toContain(manageUrl);

		// The replay still answers with the working link.
		const replay = await beginIdempotent(db(), 'booking-at-rest-1', request);
		if (replay.kind !== 'replay') throw new Error(replay.kind);
		expect(((await replay.response.json()) as { manageUrl: string }).manageUrl).toBe(manageUrl);

		// A portal sign-in link.
		await insertPatient(db(), { email: 'signin@example.jp', givenName: 'Sig' });
		// Through the queue, as the server sends it: the job holds the mail until the worker runs.
		expect((await requestMagicLink(atNow(), queuedMailer(mailer), 'signin@example.jp', 'en', ORIGIN, anonymous, new Date(NOW))).linksSent).toBe(1);
		const queued = await everyStoredText(db());
		await runDueJobs({ db: db(), mailer, origin: ORIGIN }, new Date(NOW));
		const signIn = mailer.sent.find((m) => m.to === 'signin@example.jp')!.text;
		tokens.push(/\/portal\/auth\/([a-z2-7]{32})/.exec(signIn)![1]!);
		expect(queued.filter(({ text }) => text.includes(tokens.at(-1)!))).toEqual([]);

		// An invitation, mailed as the team page does.
		const owner = await db().kysely.selectFrom('staff').select('id').where('role', '=', 'owner').executeTakeFirstOrThrow();
		const invited = await inviteStaff(
			db(),
			{ email: 'new-colleague@example.jp', role: 'reception' },
			{ type: 'staff', id: owner.id, ip: null, requestId: null },
			new Date(NOW)
		);
		if (!invited.ok) throw new Error(invited.code);
		tokens.push(invited.token);
		await queuedMailer(mailer).send(
			atNow(),
			invitationMail({
				to: 'new-colleague@example.jp',
				role: 'reception',
				url: `${ORIGIN}/staff/invite/${invited.token}`,
				expiresAt: invited.expiresAt,
				clinicName: 'shinkyu',
				timeZone: 'Asia/Tokyo',
				locale: 'en'
			})
		);

		const waiting = await everyStoredText(db());
		expect(waiting.filter(({ text }) => text.includes(invited.token)).map(({ where }) => where)).toEqual([]);
		await runDueJobs({ db: db(), mailer, origin: ORIGIN }, new Date(NOW));
		expect(mailer.sent.find((m) => m.to === 'new-colleague@example.jp')?.text).toContain(invited.token);

		const stored = await everyStoredText(db());
		expect(stored.length).toBeGreaterThan(100);
		const leaks = stored.filter(({ text }) => tokens.some((token) => text.includes(token))).map(({ where }) => where);
		expect(leaks).toEqual([]);
		// The outbox shows where the link was, without the token.
		const outbox = await db().kysely.selectFrom('mail_outbox').select('body').where('recipient', '=', 'tess@example.jp').executeTakeFirstOrThrow();
		expect(outbox.body).toContain(`${ORIGIN}/en/booking/[redacted]`);
	});
});
