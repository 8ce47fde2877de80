/*
 * Where the time of one audited read goes (issue #21): the durable commit of its audit row against
 * the round trips around it, on each engine (PostgreSQL durable, SQLite synchronous=FULL).
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
const actor: AuditActor = { type: 'staff', id: 'bench', ip: '127.0.0.1', requestId: null };

async function timed(label: string, run: () => Promise<unknown>): Promise<string> {
	for (let i = 0; i < 20; i++) await run();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await run();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return `| ${label} | ${percentile(times, 0.5)} | ${percentile(times, 0.95)} |`;
}

async function stages(db: Db, dialect: DialectName): Promise<string[]> {
	const lines = [`### ${dialect}`, '', '| step | p50 ms | p95 ms |', '| --- | --- | --- |'];
	lines.push(await timed('`select 1` (one round trip)', () => sql`select 1`.execute(db.kysely)));
	lines.push(await timed('empty transaction', () => db.kysely.transaction().execute(async (trx) => sql`select 1`.execute(trx))));
	lines.push(
		await timed('transaction with one small insert (a durable commit)', () =>
			db.kysely.transaction().execute((trx) => sql`insert into bench_commit (x) values (1)`.execute(trx))
		)
	);
	lines.push(await timed('recordAudit (one audit row, its own transaction)', () => recordAudit(db, actor, { action: 'bench.read' })));
	return lines;
}

const out: string[] = [`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${RUNS} runs each after 20 untimed`];
for (const dialect of (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[]) {
	const { db, stop } = await openEngine(dialect);
	try {
		await migrateToLatest(db);
		await seedDemoClinic(db);
		await sql`create table bench_commit (x integer)`.execute(db.kysely);
		out.push('', ...(await stages(db, dialect)));
	} finally {
		await stop();
	}
}
out.push('', `load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(out.join('\n'));
