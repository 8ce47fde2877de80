/*
 * Where a register search and a chart open spend their time on durable PostgreSQL (issue #21):
 * seeds the register (BENCH_PATIENTS, BENCH_APPOINTMENTS), prints EXPLAIN ANALYZE for each kind of
 * search, and splits a search and a chart open into their reads and their audit commit.
 *
 *   BENCH_APPOINTMENTS=200000 node --import tsx bench/patients-explain.ts
 */
import pg from 'pg';
import { seededRandom } from '../scripts/seed-large-data';
import type { AuditActor } from '../src/lib/server/audit/audit-log';
import { recordAudit } from '../src/lib/server/audit/audit-log';
import { withTransaction } from '../src/lib/server/db/transaction';
import { loadChart } from '../src/lib/server/patients/load-chart';
import { searchPatients } from '../src/lib/server/patients/search-patients';
import { firstPatients, openSeededRegister, percentile } from './patients';

const desk: AuditActor = { type: 'staff', id: 'bench', ip: '127.0.0.1', requestId: null };
const statements: string[] = [];
let capture = false;
let lastSelect: { client: pg.Client; text: string; values: unknown[] } | null = null;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
	const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
	if (capture) statements.push(text);
	if (capture && text.startsWith('with "matches"')) lastSelect = { client: this, text, values: (args[1] as unknown[]) ?? [] };
	return query.apply(this, args);
};

async function time(label: string, runs: number, run: (i: number) => Promise<unknown>) {
	for (let i = 0; i < 10; i++) await run(i);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		await run(i);
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	console.log(`${label}: p50 ${percentile(times, 0.5)} ms, p95 ${percentile(times, 0.95)} ms`);
}

const engine = await openSeededRegister('postgres', { appointments: 200_000 });
try {
	const db = engine.db;
	const draw = seededRandom(7);
	const sample = await firstPatients(db, 2000, 'patient_number');
	const pick = () => sample[Math.floor(draw() * sample.length)]!;
	const hira = (s: string) => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
	const kinds: Record<string, () => string> = {
		kana: () => {
			const p = pick();
			return hira(`${p.family_name_kana} ${p.given_name_kana.slice(0, 1)}`);
		},
		kanji: () => {
			const p = pick();
			return `${p.family_name}${p.given_name.slice(0, 1)}`;
		},
		romaji: () => {
			const p = pick();
			return p.romaji_key.slice(0, Math.max(5, p.romaji_key.length - 2));
		},
		'phone last 4': () => pick().phone.slice(-4),
		number: () => pick().patient_number ?? 'P000001'
	};
	for (const [kind, make] of Object.entries(kinds)) {
		statements.length = 0;
		capture = true;
		const q = make();
		await searchPatients(db, q, desk);
		capture = false;
		console.log(`\n--- ${kind} (${q}): ${statements.length} statements`);
		const select = lastSelect as { client: pg.Client; text: string; values: unknown[] } | null;
		if (select) {
			const plan = (await query.apply(select.client, [`explain (analyze, buffers) ${select.text}`, select.values])) as { rows: Array<Record<string, string>> };
			for (const row of plan.rows) console.log(`   ${Object.values(row)[0]}`);
		}
		await time(`search ${kind}`, 100, () => searchPatients(db, make(), desk));
	}
	// The read alone, the audit alone (its own transaction, one commit), and both in one transaction.
	await time('audit row alone (own commit)', 100, () => recordAudit(db, desk, { action: 'bench.audit' }));
	await time('empty transaction with one audit row', 100, () => withTransaction(db, (tx) => recordAudit(tx, desk, { action: 'bench.audit' })));
	statements.length = 0;
	capture = true;
	await loadChart(db, pick().id, desk);
	capture = false;
	console.log(`\nchart open: ${statements.length} statements`);
	for (const s of statements) console.log(`   ${s.replace(/\s+/g, ' ').slice(0, 150)}`);
	await time('chart open', 100, () => loadChart(db, pick().id, desk));
} finally {
	await engine.stop();
}
