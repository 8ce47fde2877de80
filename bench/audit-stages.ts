/*
 * Where the time of one audited read goes (issue #21), on each engine (PostgreSQL durable, SQLite
 * synchronous=FULL): a round trip, a durable commit of one small row, and the audit row written as
 * before (its own transaction: begin, the chain's lock on PostgreSQL, read of the newest row, insert,
 * commit) against as now (`recordAudit`: one statement, grouped with concurrent requests). The two
 * ways take turns run by run, so both see the same machine load; then 8 requests at once, each way.
 *
 *   node --import tsx bench/audit-stages.ts
 */
import os from 'node:os';
import { sql } from 'kysely';
import { recordAudit, type AuditActor } from '../src/lib/server/audit/audit-log';
import type { Db, DialectName } from '../src/lib/server/db/database';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemoClinic } from '../src/lib/server/seed/demo-clinic';
import { openEngine, percentile } from './patients';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const CONCURRENT = 8;
const actor: AuditActor = { type: 'staff', id: 'bench', ip: '127.0.0.1', requestId: null };
const load = () => os.loadavg()[0]!.toFixed(1);

/** The audit row as it was written before: a transaction of its own around lock, read and insert, on a table shaped alike. */
async function asBefore(db: Db): Promise<void> {
	await db.kysely.transaction().execute(async (trx) => {
		if (db.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7231999)`.execute(trx);
		const last = await sql<{ hash: string }>`select hash from bench_chain order by seq desc limit 1`.execute(trx);
		const prev = last.rows[0]?.hash ?? 'genesis';
		await sql`insert into bench_chain (id, at, action, detail, prev_hash, hash) values (${crypto.randomUUID()}, ${new Date().toISOString()}, 'bench.read', null, ${prev}, ${crypto.randomUUID()})`.execute(
			trx
		);
	});
}
const asNow = (db: Db) => recordAudit(db, actor, { action: 'bench.read' });

function summary(times: number[]): string {
	times.sort((a, b) => a - b);
	return `${percentile(times, 0.5)} | ${percentile(times, 0.95)}`;
}

async function time(run: () => Promise<unknown>): Promise<number> {
	const started = performance.now();
	await run();
	return performance.now() - started;
}

async function stages(db: Db, dialect: DialectName): Promise<string[]> {
	const lines = [`### ${dialect}`, '', '| step | p50 ms | p95 ms | load average after |', '| --- | --- | --- | --- |'];
	const single = async (label: string, run: () => Promise<unknown>) => {
		for (let i = 0; i < 20; i++) await run();
		const times: number[] = [];
		for (let i = 0; i < RUNS; i++) times.push(await time(run));
		lines.push(`| ${label} | ${summary(times)} | ${load()} |`);
	};
	await single('`select 1` (one round trip)', () => sql`select 1`.execute(db.kysely));
	await single('transaction with one small insert (one durable commit)', () =>
		db.kysely.transaction().execute((trx) => sql`insert into bench_commit (x) values (1)`.execute(trx))
	);
	// The two ways take turns, run by run.
	const before: number[] = [];
	const now: number[] = [];
	for (let i = 0; i < 20; i++) {
		await asBefore(db);
		await asNow(db);
	}
	for (let i = 0; i < RUNS; i++) {
		before.push(await time(() => asBefore(db)));
		now.push(await time(() => asNow(db)));
	}
	lines.push(`| one audit row as before (own transaction: lock, read newest, insert, commit) | ${summary(before)} | ${load()} |`);
	lines.push(`| one audit row as now (\`recordAudit\`: one statement) | ${summary(now)} | ${load()} |`);
	const burstBefore: number[] = [];
	const burstNow: number[] = [];
	for (let i = 0; i < RUNS / 4; i++) {
		burstBefore.push(await time(() => Promise.all(Array.from({ length: CONCURRENT }, () => asBefore(db)))));
		burstNow.push(await time(() => Promise.all(Array.from({ length: CONCURRENT }, () => asNow(db)))));
	}
	lines.push(`| ${CONCURRENT} requests at once, until all are durable, as before | ${summary(burstBefore)} | ${load()} |`);
	lines.push(`| ${CONCURRENT} requests at once, until all are durable, as now (grouped) | ${summary(burstNow)} | ${load()} |`);
	return lines;
}

const out: string[] = [
	`load average ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}; ${RUNS} runs each after 20 untimed; ${os.cpus().length} cores, Node ${process.version}`
];
for (const dialect of (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[]) {
	const { db, stop } = await openEngine(dialect);
	try {
		await migrateToLatest(db);
		await seedDemoClinic(db);
		await sql`create table bench_commit (x integer)`.execute(db.kysely);
		const serial = dialect === 'postgres' ? sql`bigserial primary key` : sql`integer primary key autoincrement`;
		await sql`create table bench_chain (seq ${serial}, id text not null unique, at text not null, action text not null, detail text, prev_hash text not null, hash text not null unique)`.execute(
			db.kysely
		);
		await sql`create index bench_chain_at on bench_chain (at)`.execute(db.kysely);
		out.push('', ...(await stages(db, dialect)));
	} finally {
		await stop();
	}
}
console.log(out.join('\n'));
