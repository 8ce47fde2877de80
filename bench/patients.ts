/*
 * The patient register at a busy clinic's scale (issue #6): on SQLite and on PostgreSQL, seed the
 * large register (100,000 patients, 1,000,000 appointments unless BENCH_PATIENTS /
 * BENCH_APPOINTMENTS say otherwise), then time the desk's searches (target p95 < 20 ms) and
 * opening a chart as the record page does (target p95 < 50 ms), in process, as the server calls them.
 *
 * `node --import tsx bench/patients.ts` runs it alone; `npm run bench` runs it after the HTTP rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { seedLarge, seededRandom } from '../scripts/seed-large-data';
import type { AuditActor } from '../src/lib/server/audit/audit-log';
import { openDatabase, POSTGRES_POOL_SIZE, type Db, type DialectName } from '../src/lib/server/db/database';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { listPossibleDuplicates } from '../src/lib/server/patients/find-duplicates';
import { loadChart } from '../src/lib/server/patients/load-chart';
import { searchPatients } from '../src/lib/server/patients/search-patients';
import { seedDemoClinic } from '../src/lib/server/seed/demo-clinic';
import { startCluster } from '../tests/support/postgres-cluster';
import { inProcessConditions } from './conditions';

export interface PatientBenchRow {
	database: DialectName;
	case: string;
	runs: number;
	p50: number;
	p95: number;
	/** Mean number of rows returned (searches) or appointments shown (charts). */
	rows: number;
	/** The machine's one-minute load average when the runs ended (the machine may be shared). */
	load?: number;
}

export interface PatientBenchReport {
	patients: number;
	appointments: number;
	seedSeconds: Partial<Record<DialectName, number>>;
	rows: PatientBenchRow[];
}

const desk: AuditActor = { type: 'staff', id: 'bench', ip: '127.0.0.1', requestId: null };
export const TARGET_SEARCH_P95 = 20;
export const TARGET_CHART_P95 = 50;
/** Timed runs per search kind and for chart opening; a few more untimed first, to warm caches. */
const RUNS = Number(process.env.BENCH_PATIENT_RUNS ?? 200);
const WARM_UP = 20;
const DUPLICATE_LIST_RUNS = 5;

const SEARCH_KINDS = ['kana prefix', 'kanji prefix', 'romaji', 'phone (full)', 'phone (last 4)', 'birth date', 'patient number'] as const;
type SearchKind = (typeof SEARCH_KINDS)[number];

const toHiragana = (s: string) => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/** One patient of the seeded register, with what the desk would type to find them. */
export interface Sample {
	id: string;
	patient_number: string | null;
	family_name: string;
	given_name: string;
	family_name_kana: string;
	given_name_kana: string;
	romaji_key: string;
	phone: string;
	date_of_birth: string | null;
}

/** What the desk types for one patient, as each kind of search. */
function queryFor(kind: SearchKind, p: Sample, draw: () => number): string {
	switch (kind) {
		case 'kana prefix':
			// Usually the family name and the start of the given name, typed in hiragana.
			return toHiragana(`${p.family_name_kana} ${p.given_name_kana.slice(0, 1 + Math.floor(draw() * 2))}`);
		case 'kanji prefix':
			return `${p.family_name}${p.given_name.slice(0, 1)}`;
		case 'romaji':
			return p.romaji_key.slice(0, Math.max(5, p.romaji_key.length - 2));
		case 'phone (full)':
			return p.phone.replace(/-/g, '');
		case 'phone (last 4)':
			return p.phone.slice(-4);
		case 'birth date':
			return p.date_of_birth ?? '1970-01-01';
		case 'patient number':
			return p.patient_number ?? 'P000001';
	}
}

const loadNow = () => Math.round(os.loadavg()[0]! * 10) / 10;

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return 0;
	return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! * 100) / 100;
}

async function timeRuns(runs: Array<() => Promise<number>>): Promise<{ p50: number; p95: number; rows: number; times: number[] }> {
	for (const run of runs.slice(0, WARM_UP)) await run();
	const times: number[] = [];
	let rows = 0;
	for (const run of runs) {
		const started = performance.now();
		rows += await run();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), rows: Math.round((rows / runs.length) * 10) / 10, times };
}

async function samplePatients(db: Db, count: number, draw: () => number): Promise<Sample[]> {
	const total = Number(
		(
			await db.kysely
				.selectFrom('patient')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
	const numbers = Array.from({ length: count }, () => `P${String(1 + Math.floor(draw() * total)).padStart(6, '0')}`);
	const rows = await db.kysely
		.selectFrom('patient')
		.select(['id', 'patient_number', 'family_name', 'given_name', 'family_name_kana', 'given_name_kana', 'romaji_key', 'phone', 'date_of_birth'])
		.where('patient_number', 'in', [...new Set(numbers)])
		.where('family_name_kana', '<>', '')
		.execute();
	return rows;
}

async function measureOn(db: Db, dialect: DialectName, draw: () => number): Promise<PatientBenchRow[]> {
	const samples = await samplePatients(db, RUNS + WARM_UP, draw);
	const rows: PatientBenchRow[] = [];
	const all: number[] = [];
	for (const kind of SEARCH_KINDS) {
		const queries = samples.map((p) => queryFor(kind, p, draw));
		const { times, ...figures } = await timeRuns(queries.map((q) => async () => (await searchPatients(db, q, desk)).length));
		all.push(...times);
		rows.push({ database: dialect, case: `search: ${kind}`, runs: queries.length, ...figures, load: loadNow() });
	}
	const mix = all.sort((a, b) => a - b);
	rows.push({
		database: dialect,
		case: 'search: mix of all kinds',
		runs: mix.length,
		p50: percentile(mix, 0.5),
		p95: percentile(mix, 0.95),
		rows: Math.round((rows.reduce((n, r) => n + r.rows, 0) / rows.length) * 10) / 10
	});
	const charts = samples.map((p) => async () => (await loadChart(db, p.id, desk))?.appointments.length ?? 0);
	const { times: _times, ...chart } = await timeRuns(charts);
	rows.push({ database: dialect, case: 'chart open (loadChart)', runs: charts.length, ...chart, load: loadNow() });
	// The desk's duplicates page groups the whole register: no target, but it should stay usable.
	const lists: number[] = [];
	let pairs = 0;
	for (let run = 0; run < DUPLICATE_LIST_RUNS; run++) {
		const started = performance.now();
		pairs = (await listPossibleDuplicates(db, 100)).length;
		lists.push(performance.now() - started);
	}
	lists.sort((a, b) => a - b);
	rows.push({
		database: dialect,
		case: 'duplicates list (first 100 pairs)',
		runs: lists.length,
		p50: percentile(lists, 0.5),
		p95: percentile(lists, 0.95),
		rows: pairs
	});
	return rows;
}

export async function openEngine(dialect: DialectName): Promise<{ db: Db; stop: () => Promise<void>; url?: string }> {
	if (dialect === 'sqlite') {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-bench-patients-'));
		// As the serving app opens it (app.ts): checkpoints on a thread of their own, not inside a request's commit.
		const db = openDatabase({ sqliteFile: path.join(dir, 'shinkyu.sqlite'), backgroundCheckpoints: process.env.BENCH_SQLITE_CHECKPOINTS !== 'inline' });
		const stop = async () => {
			// The checkpoint thread keeps no process alive (wal-checkpointer.ts), so neither would the wait for it to end.
			const alive = setInterval(() => {}, 1_000);
			try {
				await db.close();
			} finally {
				clearInterval(alive);
			}
			fs.rmSync(dir, { recursive: true, force: true });
		};
		return { db, stop };
	}
	// Durable, as in production: fsync on (SQLite runs with synchronous=FULL).
	const cluster = await startCluster({ durable: true });
	// The app's pool (app.ts opens its database with the default), so the chart's reads share as many connections as they do serving.
	const db = openDatabase({ databaseUrl: cluster.url, poolSize: POSTGRES_POOL_SIZE });
	return { db, url: cluster.url, stop: async () => (await db.close(), await cluster.stop()) };
}

/**
 * Readies a new database as every register bench starts: migrated, the demo clinic, the large
 * register (`seedLarge`), and fresh statistics. Returns the seconds the register took to seed.
 */
export async function seedRegister(
	db: Db,
	dialect: DialectName,
	size: { patients: number; appointments: number; log?: (line: string) => void }
): Promise<number> {
	await migrateToLatest(db);
	await seedDemoClinic(db);
	const seeded = await seedLarge(db, { ...size, log: size.log ?? (() => {}) });
	if (!seeded.ok) throw new Error(seeded.message);
	// Fresh statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite) would gather; on
	// PostgreSQL also the vacuum autovacuum would start after a million inserts, so it does not
	// run in the middle of the timings.
	await sql.raw(dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db.kysely);
	return seeded.seconds;
}

/**
 * The engine of `openEngine`, readied by `seedRegister` at the size BENCH_PATIENTS and
 * BENCH_APPOINTMENTS say (else the defaults given, else 100,000 and 1,000,000): the start of the
 * tools that look into the register benches (patients-compare, -profile, -explain). The engine is
 * stopped if seeding fails; otherwise the caller stops it.
 */
export async function openSeededRegister(dialect: DialectName, defaults: { patients?: number; appointments?: number } = {}) {
	const patients = Number(process.env.BENCH_PATIENTS ?? defaults.patients ?? 100_000);
	const appointments = Number(process.env.BENCH_APPOINTMENTS ?? defaults.appointments ?? 1_000_000);
	const engine = await openEngine(dialect);
	try {
		return { ...engine, patients, seedSeconds: await seedRegister(engine.db, dialect, { patients, appointments }) };
	} catch (error) {
		await engine.stop();
		throw error;
	}
}

/** The first `count` patients with a kana name, by `order`: the same ones on every run of a seeded register. */
export async function firstPatients(db: Db, count: number, order: 'id' | 'patient_number' = 'id'): Promise<Sample[]> {
	return db.kysely
		.selectFrom('patient')
		.select(['id', 'patient_number', 'family_name', 'given_name', 'family_name_kana', 'given_name_kana', 'romaji_key', 'phone', 'date_of_birth'])
		.where('family_name_kana', '<>', '')
		.orderBy(order)
		.limit(count)
		.execute();
}

/** Seeds each engine and measures it; the figures are returned, progress is printed. */
export async function benchPatients(
	options: {
		patients?: number;
		appointments?: number;
		dialects?: readonly DialectName[];
		log?: (line: string) => void;
		/** Runs on each seeded register after its measurements, before the engine stops (the report bench reuses the seed). */
		after?: (db: Db, dialect: DialectName) => Promise<void>;
	} = {}
): Promise<PatientBenchReport> {
	const patients = options.patients ?? Number(process.env.BENCH_PATIENTS ?? 100_000);
	const appointments = options.appointments ?? Number(process.env.BENCH_APPOINTMENTS ?? 1_000_000);
	const log = options.log ?? console.log;
	const report: PatientBenchReport = { patients, appointments, seedSeconds: {}, rows: [] };
	for (const dialect of options.dialects ?? (['sqlite', 'postgres'] as const)) {
		const engine = await openEngine(dialect);
		try {
			log(`\nPatient register on ${dialect}:`);
			report.seedSeconds[dialect] = await seedRegister(engine.db, dialect, { patients, appointments, log: (line) => log(`  ${line}`) });
			report.rows.push(...(await measureOn(engine.db, dialect, seededRandom(7))));
			await options.after?.(engine.db, dialect);
		} finally {
			await engine.stop();
		}
	}
	return report;
}

export function formatPatientBench(report: PatientBenchReport): string {
	const lines = [
		`\nPatient register, ${report.patients.toLocaleString('en')} patients and ${report.appointments.toLocaleString('en')} appointments ` +
			`(seeded in ${Object.entries(report.seedSeconds)
				.map(([d, s]) => `${s} s on ${d}`)
				.join(', ')}); targets: search p95 < ${TARGET_SEARCH_P95} ms, chart open p95 < ${TARGET_CHART_P95} ms\n`,
		'| database | case | runs | p50 ms | p95 ms | rows (mean) | target | conditions |',
		'| --- | --- | ---: | ---: | ---: | ---: | --- | --- |'
	];
	for (const r of report.rows) {
		const target = r.case.startsWith('chart') ? TARGET_CHART_P95 : r.case.startsWith('search') ? TARGET_SEARCH_P95 : null;
		const verdict = target === null ? '—' : r.p95 < target ? 'met' : 'MISSED';
		lines.push(`| ${r.database} | ${r.case} | ${r.runs} | ${r.p50} | ${r.p95} | ${r.rows} | ${verdict} | ${inProcessConditions(r.database)} |`);
	}
	return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const dialects = (process.env.BENCH_DIALECTS?.split(',') as DialectName[] | undefined) ?? ['sqlite', 'postgres'];
	console.log(formatPatientBench(await benchPatients({ dialects })));
}
