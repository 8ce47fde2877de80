/*
 * Where a register search and a chart open spend their time, on each engine (issue #21): seeds the
 * register (BENCH_PATIENTS, BENCH_APPOINTMENTS, BENCH_DIALECTS), then runs searches and chart opens
 * one at a time and splits each request into its statements: how many, how long the database was
 * busy with any of them (the union of their intervals), how long the audit row's durable write took,
 * and the rest (JavaScript, the event loop, waiting for a connection).
 *
 *   BENCH_PATIENTS=20000 BENCH_APPOINTMENTS=200000 node --import tsx bench/patients-profile.ts
 */
import os from 'node:os';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { AuditActor } from '../src/lib/server/audit/audit-log';
import type { DialectName } from '../src/lib/server/db/database';
import { loadChart } from '../src/lib/server/patients/load-chart';
import { searchPatients } from '../src/lib/server/patients/search-patients';
import { firstPatients, openSeededRegister, percentile } from './patients';

const desk: AuditActor = { type: 'staff', id: 'bench', ip: '127.0.0.1', requestId: null };
const RUNS = Number(process.env.BENCH_PROFILE_RUNS ?? 200);

interface Statement {
	text: string;
	start: number;
	end: number;
}
let log: Statement[] | null = null;

// PostgreSQL: every statement goes through pg.Client#query.
const pgQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
	const result = pgQuery.apply(this, args);
	const current = log;
	if (!current || !(result instanceof Promise)) return result;
	const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
	const entry = { text, start: performance.now(), end: 0 };
	current.push(entry);
	return result.finally(() => (entry.end = performance.now()));
};
// SQLite: Kysely runs every statement with Statement#all or #run.
const statementPrototype = Object.getPrototypeOf(new SQLite(':memory:').prepare('select 1')) as Record<string, (...args: unknown[]) => unknown> & {
	source: string;
};
for (const method of ['all', 'run', 'get'] as const) {
	const original = statementPrototype[method]!;
	statementPrototype[method] = function (this: { source: string }, ...args: unknown[]) {
		if (!log) return original.apply(this, args);
		const entry = { text: this.source, start: performance.now(), end: 0 };
		log.push(entry);
		try {
			return original.apply(this, args);
		} finally {
			entry.end = performance.now();
		}
	};
}

function union(statements: Statement[]): number {
	const sorted = [...statements].sort((a, b) => a.start - b.start);
	let total = 0;
	let from = 0;
	let to = 0;
	for (const s of sorted) {
		if (s.start > to) {
			total += to - from;
			from = s.start;
			to = s.end;
		} else to = Math.max(to, s.end);
	}
	return total + (to - from);
}

const isAudit = (s: Statement) => /insert into "?audit_log"?|pg_advisory_xact_lock/.test(s.text);

async function profile(label: string, runs: Array<() => Promise<unknown>>) {
	for (const run of runs.slice(0, 20)) await run();
	const totals: number[] = [];
	const busy: number[] = [];
	const audit: number[] = [];
	const counts: number[] = [];
	const cpu: number[] = [];
	const bySql = new Map<string, number[]>();
	for (const run of runs) {
		log = [];
		const started = performance.now();
		const cpuBefore = process.cpuUsage();
		await run();
		const total = performance.now() - started;
		const used = process.cpuUsage(cpuBefore);
		cpu.push((used.user + used.system) / 1000);
		const statements = log;
		log = null;
		totals.push(total);
		busy.push(union(statements));
		audit.push(union(statements.filter(isAudit)));
		counts.push(statements.length);
		for (const s of statements) {
			const key = s.text.replace(/\s+/g, ' ').slice(0, 110);
			bySql.set(key, [...(bySql.get(key) ?? []), s.end - s.start]);
		}
	}
	const fig = (xs: number[]) => {
		const sorted = [...xs].sort((a, b) => a - b);
		return `${percentile(sorted, 0.5)} / ${percentile(sorted, 0.95)}`;
	};
	const rest = totals.map((t, i) => t - busy[i]!);
	console.log(
		`| ${label} | ${runs.length} | ${fig(totals)} | ${fig(busy)} | ${fig(audit)} | ${fig(rest)} | ${fig(cpu)} | ${Math.round((counts.reduce((a, b) => a + b, 0) / counts.length) * 10) / 10} | ${os.loadavg()[0]!.toFixed(1)} |`
	);
	if (process.env.BENCH_PROFILE_STATEMENTS)
		for (const [text, times] of [...bySql].sort((a, b) => b[1].reduce((x, y) => x + y, 0) - a[1].reduce((x, y) => x + y, 0)).slice(0, 14))
			console.log(`    ${times.length}× total ${Math.round(times.reduce((a, b) => a + b, 0))} ms, ${fig(times)}: ${text}`);
}

const hira = (s: string) => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

for (const dialect of (process.env.BENCH_DIALECTS?.split(',') ?? ['sqlite', 'postgres']) as DialectName[]) {
	const engine = await openSeededRegister(dialect);
	try {
		const db = engine.db;
		const sample = await firstPatients(db, RUNS + 20);
		console.log(`\n${dialect}, ${engine.seedSeconds} s to seed; ms as p50 / p95 over one request at a time\n`);
		console.log('| case | runs | total | database busy | audit write | rest | CPU of this process | statements | load |');
		console.log('| --- | ---: | --- | --- | --- | --- | --- | ---: | ---: |');
		const kinds: Record<string, (p: (typeof sample)[number]) => string> = {
			'kana prefix': (p) => hira(`${p.family_name_kana} ${p.given_name_kana.slice(0, 1)}`),
			'kanji prefix': (p) => `${p.family_name}${p.given_name.slice(0, 1)}`,
			romaji: (p) => p.romaji_key.slice(0, Math.max(5, p.romaji_key.length - 2)),
			'phone (full)': (p) => p.phone.replace(/-/g, ''),
			'phone (last 4)': (p) => p.phone.slice(-4),
			'birth date': (p) => p.date_of_birth ?? '1970-01-01',
			'patient number': (p) => p.patient_number ?? 'P000001'
		};
		for (const [kind, make] of Object.entries(kinds))
			await profile(
				`search: ${kind}`,
				sample.map((p) => () => searchPatients(db, make(p), desk))
			);
		await profile(
			'chart open',
			sample.map((p) => () => loadChart(db, p.id, desk))
		);
	} finally {
		await engine.stop();
	}
}
