import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../../../../tests/support/smtp-peer';
import { createPostgresDatabase } from '../../../../tests/support/test-database';
import { manualClock } from '../clock/clock';
import { openDatabase, type Db } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { enqueueMail } from '../mail/mail-jobs';
import { createMailer } from '../mail/mailer';
import { claimDueJobs, completeJobs, extendLease, failJob, LEASE_MS } from './queue';
import { runDueJobs } from './worker';

/*
 * Issue 16: a mail is sent at most once, even when a slow mail server holds the send past the
 * worker's lease. Two app instances (two pools on one PostgreSQL database) share one clock that the
 * test moves on, as the wall clock would over a minute.
 */

const T = new Date('2030-07-01T00:00:00Z');
const ORIGIN = 'https://clinic.example.jp';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let peer: SmtpPeer;
let clock: ReturnType<typeof manualClock>;
let first: Db;
let second: Db;

beforeAll(async () => {
	peer = await startSmtpPeer({ delayMs: 4_000 });
	const url = await createPostgresDatabase();
	const secretKey = randomBytes(32);
	clock = manualClock(T);
	first = openDatabase({ databaseUrl: url, poolSize: 3, clock, secretKey });
	second = openDatabase({ databaseUrl: url, poolSize: 3, clock, secretKey });
	await migrateToLatest(first);
});
afterAll(async () => {
	await first?.close();
	await second?.close();
	await peer.close();
});

describe('a mail job and two instances on PostgreSQL', () => {
	it('is sent once when the mail server answers after the lease would have run out', async () => {
		clock.set(T);
		await enqueueMail(first, { to: 'slow@example.jp', subject: 'Red flag', text: 'P-0001', kind: 'intake.red_flag' });
		const running = runDueJobs({ db: first, mailer: createMailer(peer.url), origin: ORIGIN });
		await sleep(500); // the first instance is waiting on the slow server
		clock.advance(LEASE_MS + 1_000); // …for longer than its lease
		await sleep(1_500); // a renewal falls in here
		const ranBySecond = await runDueJobs({ db: second, mailer: createMailer(peer.url), origin: ORIGIN });
		expect(ranBySecond).toBe(0);
		expect(await running).toBe(1);
		expect(peer.received.filter((m) => m.to && 'text' in m.to && m.to.text === 'slow@example.jp')).toHaveLength(1);
		const job = await first.kysely.selectFrom('job').selectAll().where('kind', '=', 'mail.send').executeTakeFirstOrThrow();
		expect(job.attempts).toBe(1);
		expect(job.done_at).not.toBeNull();
	}, 20_000);

	it('lets a worker whose job was taken over neither extend, nor complete, nor fail it', async () => {
		clock.set(new Date(T.getTime() + 3_600_000));
		await enqueueMail(first, { to: 'fence@example.jp', subject: 's', text: 't', kind: 'test' });
		const [mine] = await claimDueJobs(first, 1);
		clock.advance(LEASE_MS + 1); // this worker stalls (a long GC pause, a lost network)
		const [theirs] = await claimDueJobs(second, 1);
		expect(theirs!.id).toBe(mine!.id);
		expect(theirs!.attempts).toBe(mine!.attempts + 1);
		expect(await extendLease(first, mine!)).toBe(false);
		expect(await completeJobs(first, [mine!])).toBe(0);
		await failJob(first, mine!, 'stale');
		const row = await first.kysely.selectFrom('job').selectAll().where('id', '=', mine!.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ done_at: null, last_error: null, attempts: theirs!.attempts });
		expect(await completeJobs(second, [theirs!])).toBe(1);
	});
});
