/*
 * One online booking on PostgreSQL, statement by statement (issue #21: fewer round trips per
 * booking), then an in-process storm of concurrent bookings on both engines: the database path
 * alone, without HTTP, for comparing changes quickly. `npm run bench` measures the real thing.
 *
 *   node --import tsx bench/booking-statements.ts        (BENCH_STORM_BOOKINGS, default 600)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { AuditActor } from '../src/lib/server/audit/audit-log';
import { createBooking } from '../src/lib/server/booking/create-booking';
import { getAvailability } from '../src/lib/server/booking/get-availability';
import { openDatabase, POSTGRES_POOL_SIZE, type Db } from '../src/lib/server/db/database';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoClinic } from '../src/lib/server/seed/demo-clinic';
import { startCluster } from '../tests/support/postgres-cluster';

const NOW = Date.parse('2026-11-27T00:00:00Z');
const CLIENTS = 32;
const BOOKINGS = Number(process.env.BENCH_STORM_BOOKINGS ?? 600);
const actor: AuditActor = { type: 'anonymous', id: null, ip: '192.0.2.1', requestId: null };

const statements: string[] = [];
const times = new Map<string, { n: number; ms: number }>();
let counting = false;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
	const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? String(args[0]));
	if (counting) statements.push(text);
	const result = query.apply(this, args);
	if (process.env.BENCH_STATEMENT_TIMES && result instanceof Promise) {
		const started = performance.now();
		const key = text.replace(/\s+/g, ' ').slice(0, 50);
		void result
			.finally(() => {
				const entry = times.get(key) ?? { n: 0, ms: 0 };
				entry.n++;
				entry.ms += performance.now() - started;
				times.set(key, entry);
			})
			.catch(() => {});
	}
	return result;
};

function request(serviceId: string, start: number, practitionerId: string, n: number) {
	return {
		serviceId,
		start: new Date(start).toISOString(),
		practitionerId,
		locale: 'ja' as const,
		patient: {
			familyName: '負荷',
			givenName: `試験${n}`,
			email: `storm${n}@example.jp`,
			phone: `090-${String(1000 + (n % 9000)).padStart(4, '0')}-${String(n).padStart(4, '0').slice(-4)}`
		},
		consent: { privacy: true as const }
	};
}

async function targets(db: Db, serviceId: string) {
	const answer = await getAvailability(db, { service: serviceId, from: '2026-11-30', to: '2027-01-28' }, { now: NOW });
	if (!answer.ok) throw new Error(answer.code);
	const lastEnd = new Map<string, number>();
	return answer.slots.filter((slot) => {
		if (slot.start < (lastEnd.get(slot.practitionerId) ?? 0)) return false;
		lastEnd.set(slot.practitionerId, slot.start + 60 * 60_000);
		return true;
	});
}

async function stormOn(db: Db, label: string): Promise<number> {
	await migrateToLatest(db);
	await seedDemoClinic(db);
	const serviceId = (await db.kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
	const slots = await targets(db, serviceId);
	if (db.dialect === 'postgres') {
		for (const [i, slot] of slots.slice(0, 2).entries()) {
			statements.length = 0;
			counting = true;
			const result = await createBooking(db, request(serviceId, slot.start, slot.practitionerId, 900_000 + i), actor, NOW);
			counting = false;
			console.log(`PostgreSQL booking ${i + 1} (ok: ${result.ok}): ${statements.length} statements`);
			for (const s of statements) console.log(`   ${s.replace(/\s+/g, ' ').slice(0, 140)}`);
		}
	}
	const work = slots.slice(2, 2 + BOOKINGS);
	let next = 0;
	let committed = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CLIENTS }, async () => {
			while (next < work.length) {
				const n = next++;
				const result = await createBooking(db, request(serviceId, work[n]!.start, work[n]!.practitionerId, n), actor, NOW);
				if (result.ok) committed++;
			}
		})
	);
	const perSecond = Math.round(committed / ((performance.now() - started) / 1000));
	if (times.size)
		for (const [key, t] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) console.log(`   ${(t.ms / t.n).toFixed(2)} ms × ${t.n}  ${key}`);
	times.clear();
	console.log(`${label}: ${committed}/${work.length} committed, ${perSecond} bookings/s (${CLIENTS} concurrent, in process)`);
	return perSecond;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-storm-'));
const sqlite = openDatabase({ sqliteFile: path.join(dir, 'storm.sqlite') });
let sqliteRate: number;
try {
	sqliteRate = await stormOn(sqlite, 'SQLite (synchronous=FULL)');
} finally {
	await sqlite.close();
	fs.rmSync(dir, { recursive: true, force: true });
}
const cluster = await startCluster({ durable: true });
const postgres = openDatabase({ databaseUrl: cluster.url, poolSize: POSTGRES_POOL_SIZE });
try {
	const rate = await stormOn(postgres, `PostgreSQL (fsync on, pool ${POSTGRES_POOL_SIZE})`);
	console.log(`PostgreSQL / SQLite: ${Math.round((rate / sqliteRate) * 1000) / 10} %; load average ${os.loadavg()[0]!.toFixed(2)}`);
} finally {
	await postgres.close();
	await cluster.stop();
}
