/*
 * Offering a freed slot with 1,000 people waiting (issue #17): target under 50 ms. On SQLite and on
 * PostgreSQL, the demo clinic gets 1,000 waiting-list entries with mixed wishes (dates over two
 * months, a practitioner or anyone, preferred weekdays and times), then each run offers a
 * different freed slot — the matching query, the rule, the hold, the offer, the audit row and the
 * queued mail — and is timed. The matching query's plan is printed: it must use an index on the
 * waiting entries (waitlist_entry_waiting, or the partial waitlist_entry_waiting_until of 0034).
 *
 * `node --import tsx bench/waitlist.ts` runs it alone; `npm run bench` runs it with the rest.
 */
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { CompiledQuery } from 'kysely';
import { addDays, localInstant } from '../src/lib/domain/time';
import { sha256Hex } from '../src/lib/server/crypto';
import type { Db, DialectName } from '../src/lib/server/db/database';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { withTransaction } from '../src/lib/server/db/transaction';
import { seedDemoClinic } from '../src/lib/server/seed/demo-clinic';
import { offerFreedSlot, waitingQuery } from '../src/lib/server/waitlist/offer-freed-slot';
import { inProcessConditions } from './conditions';
import { openEngine, percentile } from './patients';

export const TARGET_WAITLIST_P95_MS = 50;
const WAITING = Number(process.env.BENCH_WAITING ?? 1_000);
const RUNS = Number(process.env.BENCH_WAITLIST_RUNS ?? 40);
const WARM_UP = 3;
/** A Monday, far enough ahead that every slot is within the horizon and past the notice. */
const FIRST_DAY = '2031-03-03';
const NOW = Date.parse('2031-02-20T00:00:00Z');

export interface WaitlistBenchRow {
	database: DialectName;
	waiting: number;
	runs: number;
	offered: number;
	p50: number;
	p95: number;
	plan: string;
	usesIndex: boolean;
	/** The machine's 1-minute load average when the runs ended: a shared machine slows every figure. */
	load: number;
}

async function seedWaiting(db: Db, count: number): Promise<{ practitionerIds: string[] }> {
	const service = await db.kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow();
	const practitionerIds = (await db.kysely.selectFrom('practitioner_service').select('practitioner_id').where('service_id', '=', service.id).execute()).map(
		(p) => p.practitioner_id
	);
	let seed = 17;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const patients = [];
	const entries = [];
	for (let i = 0; i < count; i++) {
		const patientId = randomUUID();
		patients.push({
			id: patientId,
			family_name: 'Bench',
			given_name: `W${i}`,
			family_name_kana: '',
			given_name_kana: '',
			email: `waiting${i}@example.jp`,
			phone: `090-${String(3000 + Math.floor(i / 10_000)).padStart(4, '0')}-${String(i % 10_000).padStart(4, '0')}`,
			date_of_birth: null,
			preferred_locale: 'ja' as const,
			patient_number: null,
			updated_at: null,
			created_at: new Date(NOW - (count - i) * 60_000).toISOString()
		});
		const from = addDays(FIRST_DAY, Math.floor(random() * 50) - 10);
		const weekdays = random() < 0.5 ? [] : [1 + Math.floor(random() * 6)];
		entries.push({
			id: randomUUID(),
			patient_id: patientId,
			service_id: service.id,
			practitioner_id: random() < 0.5 ? practitionerIds[Math.floor(random() * practitionerIds.length)]! : null,
			date_from: from,
			date_to: addDays(from, 7 + Math.floor(random() * 21)),
			times: JSON.stringify(
				weekdays.map((weekday) => (random() < 0.5 ? { weekday, start: '09:00', end: '12:30' } : { weekday, start: '14:30', end: '19:30' }))
			),
			locale: 'ja' as const,
			status: 'waiting' as const,
			source: 'online' as const,
			manage_token_hash: sha256Hex(`bench-${i}`),
			appointment_id: null,
			created_at: new Date(NOW - (count - i) * 60_000).toISOString(),
			closed_at: null
		});
	}
	for (let i = 0; i < count; i += 100) {
		await db.kysely
			.insertInto('patient')
			.values(patients.slice(i, i + 100))
			.execute();
		await db.kysely
			.insertInto('waitlist_entry')
			.values(entries.slice(i, i + 100))
			.execute();
	}
	return { practitionerIds };
}

/**
 * The matching query's plan. PostgreSQL's planner reads a table of a few pages straight through
 * (cheaper than any index at this size), so the plan is asked for with sequential scans priced
 * out, which shows the index serves the query once the list is long; SQLite's plan is its own.
 */
async function planOf(db: Db, practitionerId: string, startIso: string, day: string): Promise<string> {
	const compiled = waitingQuery(db, practitionerId, startIso, day).compile();
	const explain = async (tx: Db, prefix: string) =>
		(await tx.kysely.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]))).rows
			.map((r) => String(r.detail ?? r['QUERY PLAN'] ?? '').trim())
			.join(' / ');
	if (db.dialect === 'sqlite') return explain(db, 'EXPLAIN QUERY PLAN ');
	return withTransaction(db, async (tx) => {
		await tx.kysely.executeQuery(CompiledQuery.raw('SET LOCAL enable_seqscan = off'));
		return `(enable_seqscan=off) ${await explain(tx, 'EXPLAIN ')}`;
	});
}

export async function measureWaitlistOn(db: Db, dialect: DialectName): Promise<WaitlistBenchRow> {
	const { practitionerIds } = await seedWaiting(db, WAITING);
	// As autovacuum would after a day of use: the planner knows the table's size.
	if (dialect === 'postgres') await db.kysely.executeQuery(CompiledQuery.raw('ANALYZE'));
	// Each run frees a different time: weekdays of the coming weeks, mornings and afternoons.
	const slots: Array<{ practitionerId: string; start: number; day: string }> = [];
	for (let i = 0; slots.length < RUNS + WARM_UP; i++) {
		const day = addDays(FIRST_DAY, Math.floor(i / 4));
		if (new Date(`${day}T00:00:00Z`).getUTCDay() === 0) continue;
		const time = ['09:30', '10:30', '15:00', '17:00'][i % 4]!;
		slots.push({ practitionerId: practitionerIds[i % practitionerIds.length]!, start: localInstant(day, time, 'Asia/Tokyo'), day });
	}
	const first = slots[0]!;
	const plan = await planOf(db, first.practitionerId, new Date(first.start).toISOString(), first.day);
	const times: number[] = [];
	let offered = 0;
	for (const [i, slot] of slots.entries()) {
		const started = performance.now();
		const outcome = await offerFreedSlot(db, slot.practitionerId, slot.start, NOW);
		const elapsed = performance.now() - started;
		if (i < WARM_UP) continue;
		times.push(elapsed);
		if (outcome.offered) offered++;
	}
	times.sort((a, b) => a - b);
	return {
		database: dialect,
		waiting: WAITING,
		runs: times.length,
		offered,
		p50: percentile(times, 0.5),
		p95: percentile(times, 0.95),
		plan,
		usesIndex: /waitlist_entry_waiting/.test(plan),
		load: Number(os.loadavg()[0]!.toFixed(1))
	};
}

export async function benchWaitlist(options: { dialects?: readonly DialectName[]; log?: (line: string) => void } = {}): Promise<WaitlistBenchRow[]> {
	const rows: WaitlistBenchRow[] = [];
	for (const dialect of options.dialects ?? (['sqlite', 'postgres'] as const)) {
		const engine = await openEngine(dialect);
		try {
			await migrateToLatest(engine.db);
			await seedDemoClinic(engine.db);
			(options.log ?? console.log)(`  Waiting list on ${dialect}: ${WAITING.toLocaleString('en')} people waiting, ${RUNS} freed slots`);
			rows.push(await measureWaitlistOn(engine.db, dialect));
		} finally {
			await engine.stop();
		}
	}
	return rows;
}

export function formatWaitlistBench(rows: readonly WaitlistBenchRow[]): string {
	const lines = [
		`\nOffering a freed slot to the waiting list (match, hold, offer, audit, queued mail; one transaction); target p95 < ${TARGET_WAITLIST_P95_MS} ms\n`,
		'| database | waiting | runs | offered | p50 ms | p95 ms | target | matching query plan | conditions |',
		'| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |'
	];
	for (const r of rows) {
		lines.push(
			`| ${r.database} | ${r.waiting.toLocaleString('en')} | ${r.runs} | ${r.offered} | ${r.p50} | ${r.p95} | ${r.p95 < TARGET_WAITLIST_P95_MS ? 'met' : 'MISSED'} | ${r.usesIndex ? `index ${r.plan.match(/waitlist_entry_waiting\w*/)?.[0]}` : 'NO INDEX'}: ${r.plan.replace(/\|/g, '/')} | ${inProcessConditions(r.database, `load average ${r.load}`)} |`
		);
	}
	return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const dialects = process.env.BENCH_DIALECTS?.split(',') as DialectName[] | undefined;
	console.log(formatWaitlistBench(await benchWaitlist({ dialects })));
}
