/*
 * The register's search and chart open, the code of an earlier commit against this one, turn by
 * turn in one run on one seeded register per engine (issue #21): on a shared machine the load
 * changes from minute to minute, so only blocks taken in the same window compare. Each block runs
 * BENCH_BLOCK searches (every kind in turn) and as many chart opens, one at a time, after one
 * untimed request of each (the two codes' audit writers each learn the chain's newest row).
 *
 *   mkdir -p /tmp/before && git archive <commit> src | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   BENCH_BEFORE=/tmp/before BENCH_PATIENTS=20000 BENCH_APPOINTMENTS=200000 node --import tsx bench/patients-compare.ts
 *
 * BENCH_POOLS (default: the app's pool, POSTGRES_POOL_SIZE) lists the PostgreSQL pool sizes to
 * compare, each a handle of its own.
 */
import os from 'node:os';
import path from 'node:path';
import type { AuditActor } from '../src/lib/server/audit/audit-log';
import { openDatabase, POSTGRES_POOL_SIZE, type Db, type DialectName } from '../src/lib/server/db/database';
import * as chartNow from '../src/lib/server/patients/load-chart';
import * as searchNow from '../src/lib/server/patients/search-patients';
import { firstPatients, openSeededRegister, percentile, type Sample } from './patients';

const desk: AuditActor = { type: 'staff', id: 'bench', ip: '127.0.0.1', requestId: null };
const BLOCK = Number(process.env.BENCH_BLOCK ?? 25);
const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 8);
const before = process.env.BENCH_BEFORE;
if (!before) throw new Error('BENCH_BEFORE: a folder holding the earlier commit’s src/ (see the comment at the top)');

type Code = { loadChart: typeof chartNow.loadChart; searchPatients: typeof searchNow.searchPatients };
const codes: Record<string, Code> = {
	before: {
		loadChart: ((await import(path.resolve(before, 'src/lib/server/patients/load-chart.ts'))) as typeof chartNow).loadChart,
		searchPatients: ((await import(path.resolve(before, 'src/lib/server/patients/search-patients.ts'))) as typeof searchNow).searchPatients
	},
	now: { loadChart: chartNow.loadChart, searchPatients: searchNow.searchPatients }
};

const hira = (s: string) => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const KINDS: Array<(p: Sample) => string> = [
	(p) => hira(`${p.family_name_kana} ${p.given_name_kana.slice(0, 1)}`),
	(p) => `${p.family_name}${p.given_name.slice(0, 1)}`,
	(p) => p.romaji_key.slice(0, Math.max(5, p.romaji_key.length - 2)),
	(p) => p.phone.replace(/-/g, ''),
	(p) => p.phone.slice(-4),
	(p) => p.date_of_birth ?? '1970-01-01',
	(p) => p.patient_number ?? 'P000001'
];

const fig = (xs: number[]) => {
	const sorted = [...xs].sort((a, b) => a - b);
	return `${percentile(sorted, 0.5)} / ${percentile(sorted, 0.95)}`;
};

for (const dialect of (process.env.BENCH_DIALECTS?.split(',') ?? ['sqlite', 'postgres']) as DialectName[]) {
	const engine = await openSeededRegister(dialect);
	const extra: Db[] = [];
	try {
		const db = engine.db;
		const sample = await firstPatients(db, BLOCK * BLOCKS);
		// Handles: the bench's own (the app's pool on PostgreSQL), and one per other pool size asked for.
		const own = ` pool ${POSTGRES_POOL_SIZE}`;
		const handles: Array<[string, Db]> = [['', db]];
		if (dialect === 'postgres') {
			const url = engine.url;
			for (const size of (process.env.BENCH_POOLS ?? String(POSTGRES_POOL_SIZE)).split(',').map(Number)) {
				if (size === POSTGRES_POOL_SIZE) {
					handles[0] = [own, db];
					continue;
				}
				if (!url) throw new Error('no URL for a second pool');
				const other = openDatabase({ databaseUrl: url, poolSize: size });
				extra.push(other);
				handles.push([` pool ${size}`, other]);
			}
			if (!handles.some(([label]) => label === own)) handles.shift();
		}
		const variants = Object.entries(codes).flatMap(([name, code]) => handles.map(([pool, handle]) => ({ name: `${name}${pool}`, code, handle })));
		const times = new Map(variants.map((v) => [v.name, { search: [] as number[], chart: [] as number[] }]));
		const loads: number[] = [];
		console.log(
			`\n${dialect}: ${engine.seedSeconds} s to seed ${engine.patients} patients; ${BLOCKS} rounds of ${BLOCK} searches and ${BLOCK} chart opens per code`
		);
		for (let block = 0; block < BLOCKS; block++) {
			const patients = sample.slice(block * BLOCK, (block + 1) * BLOCK);
			// Alternate which code goes first.
			const order = block % 2 === 0 ? variants : [...variants].reverse();
			for (const { name, code, handle } of order) {
				await code.searchPatients(handle, KINDS[0]!(patients[0]!), desk);
				await code.loadChart(handle, patients[0]!.id, desk);
				const into = times.get(name)!;
				for (const [i, p] of patients.entries()) {
					const started = performance.now();
					await code.searchPatients(handle, KINDS[(i + block) % KINDS.length]!(p), desk);
					into.search.push(performance.now() - started);
				}
				for (const p of patients) {
					const started = performance.now();
					await code.loadChart(handle, p.id, desk);
					into.chart.push(performance.now() - started);
				}
			}
			loads.push(os.loadavg()[0]!);
		}
		console.log(`load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}\n`);
		console.log('| engine | code | search p50 / p95 ms | chart open p50 / p95 ms |');
		console.log('| --- | --- | --- | --- |');
		for (const [name, t] of times) console.log(`| ${dialect} | ${name} | ${fig(t.search)} | ${fig(t.chart)} |`);
	} finally {
		for (const other of extra) await other.close();
		await engine.stop();
	}
}
