import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/database';
import { bookingRequest, distinctSlotTargets } from '../support/booking-targets';
import { startPostgresServer } from '../support/postgres-server';
import { startBuiltServer, type ServerProcess } from '../support/server-process';

/*
 * Issue #9: a booking storm, the server killed with SIGKILL in the middle of it, a restart. Every
 * booking that was answered 201 must be there afterwards, and no practitioner or bed is booked twice.
 */

const CLIENTS = 16;
const KILL_AFTER = 60;

interface Storm {
	acknowledged: string[];
	unanswered: number;
}

/** Books distinct slots with CLIENTS clients and kills the server once KILL_AFTER bookings are acknowledged. */
async function stormUntilKilled(server: ServerProcess): Promise<Storm> {
	const targets = await distinctSlotTargets(server.baseUrl);
	expect(targets.length).toBeGreaterThan(KILL_AFTER * 2);
	const acknowledged: string[] = [];
	let unanswered = 0;
	let next = 0;
	let killed = false;
	const exited = new Promise((resolve) => server.child.once('exit', resolve));
	await Promise.all(
		Array.from({ length: CLIENTS }, async () => {
			while (next < targets.length && !killed) {
				const n = next++;
				try {
					const response = await fetch(`${server.baseUrl}/api/v1/bookings`, bookingRequest(targets[n]!, n + 1));
					const body = await response.json();
					// Practitioners free at the same time can still run out of beds: that is a fair 409.
					if (response.status === 409 && body.error.code === 'slot_taken') continue;
					if (response.status !== 201) throw new Error(`booking ${n} answered ${response.status}: ${JSON.stringify(body)}`);
					acknowledged.push(body.id);
					if (acknowledged.length === KILL_AFTER) killed = server.child.kill('SIGKILL');
				} catch (cause) {
					// Requests in flight when the process dies get no answer: they promised nothing.
					if (!killed) throw cause;
					unanswered++;
				}
			}
		})
	);
	await exited;
	return { acknowledged, unanswered };
}

async function doubleBookings(db: Db): Promise<number> {
	const result = await sql<{ n: number | string }>`
		select count(*) as n from appointment a join appointment b on a.id < b.id
		where a.status != 'cancelled' and b.status != 'cancelled'
			and a.starts_at < b.held_until and b.starts_at < a.held_until
			and (a.practitioner_id = b.practitioner_id or (a.bed_id is not null and a.bed_id = b.bed_id))`.execute(db.kysely);
	return Number(result.rows[0]!.n);
}

async function provePromisesKept(db: Db, storm: Storm, restarted: ServerProcess) {
	const found = await db.kysely.selectFrom('appointment').select(['id', 'status']).where('id', 'in', storm.acknowledged).execute();
	console.log(`crash test: ${storm.acknowledged.length} bookings acknowledged, ${found.length} found after restart, ${storm.unanswered} requests cut off`);
	expect(found.length).toBe(storm.acknowledged.length);
	expect(new Set(found.map((a) => a.status))).toEqual(new Set(['booked']));
	expect(await doubleBookings(db)).toBe(0);
	// The restarted server takes bookings again.
	const [target] = await distinctSlotTargets(restarted.baseUrl, 61, 75);
	expect((await fetch(`${restarted.baseUrl}/api/v1/bookings`, bookingRequest(target!, 99_999))).status).toBe(201);
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('a server killed mid-storm keeps every booking it acknowledged', () => {
	it('on SQLite', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-crash-'));
		cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
		const env = { DATA_DIR: dataDir, RATE_LIMITS: 'off' };
		const storm = await stormUntilKilled(await startBuiltServer(env));
		const restarted = await startBuiltServer(env);
		cleanups.push(() => restarted.stop());
		const db = openDatabase({ sqliteFile: path.join(dataDir, 'shinkyu.sqlite') });
		cleanups.push(() => db.close());
		await provePromisesKept(db, storm, restarted);
	});

	it('on PostgreSQL', async () => {
		const first = await startPostgresServer('crash');
		cleanups.push(() => first.dispose());
		const storm = await stormUntilKilled(first);
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-crash-pg-'));
		cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
		const restarted = await startBuiltServer({ DATABASE_URL: first.databaseUrl, DATA_DIR: dataDir, RATE_LIMITS: 'off' });
		cleanups.push(() => restarted.stop());
		const db = openDatabase({ databaseUrl: first.databaseUrl, poolSize: 2 });
		cleanups.push(() => db.close());
		await provePromisesKept(db, storm, restarted);
	});
});
