/*
 * `npm run bench`: every figure with the conditions it was measured under, the issue's target
 * ratios with PASS/FAIL, and a JSON file of the run (docs/benchmarks.md).
 *
 *   npm run bench [-- --out FILE] [-- --compare EARLIER.json]
 *
 * Layout: the app and the bare node:http baseline each run in a process of their own; the load
 * generator (autocannon, the booking storm's clients) in another (bench/load.ts); this process only
 * starts them, seeds, and times the in-process benches (patient register, chart, report) after the
 * servers have stopped. The app logs at its production level (info) to a file; PostgreSQL runs
 * with fsync on and SQLite with synchronous=FULL.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { RED_FLAG_QUESTIONS } from '../src/lib/domain/triage/assess';
import type { DialectName } from '../src/lib/server/db/database';
import { measureAvailability } from './availability';
import { bookMonth, type BookedMonth } from './booked-month';
import type { StormResult } from './booking-storm';
import { bookingStormOnPostgres, type PostgresStormRow } from './booking-storm-postgres';
import { ensureFreshBuild } from './build';
import { FIRST_LOAD_BUDGET, formatPageWeights, heaviestConsolePage, PAGE_WEIGHT_CONDITIONS, pageWeights } from './page-weight';
import { benchClinical, formatClinicalBench } from './clinical';
import { APP_LOGGING, inProcessConditions, machine, machineTag, POSTGRES_DURABILITY, POSTGRES_POOL, SQLITE_DURABILITY } from './conditions';
import { runLoad, type HttpJob, type HttpResult } from './load';
import { benchPatients, formatPatientBench, TARGET_CHART_P95, TARGET_SEARCH_P95 } from './patients';
import { formatReportBench, lastMonth, measureReportsOn, TARGET_P95_MS, type ReportBenchReport } from './reports';
import { compare, defaultResultPath, readResult, writeResult, type Figure, type RunResult, type TargetVerdict } from './results';
import { startApp, startBareServer } from './servers';
import { benchWaitlist, formatWaitlistBench, TARGET_WAITLIST_P95_MS } from './waitlist';
import { benchLighthouse, formatLighthouse, LIGHTHOUSE_CONDITIONS, TARGET_CONSOLE_PERFORMANCE } from './lighthouse';

const { values: args } = parseArgs({ options: { out: { type: 'string' }, compare: { type: 'string' } } });
const earlier = args.compare ? readResult(args.compare) : undefined;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const CONNECTIONS = 20;
const STORM_CLIENTS = 32;
const STORM_WARM_UP = 400;
const BOOKED_SHARE = 0.7;
const TARGET_STORM_RATIO = 50;
const TARGET_AVAILABILITY_RATIO = 50;
/** Rounds of health then availability, back to back, for the availability target's median ratio. */
const RATIO_ROUNDS = Number(process.env.BENCH_RATIO_ROUNDS ?? 3);

const startedAt = new Date().toISOString();
const host = machine();
const figures: Figure[] = [];
const settings: Record<string, string | number> = {
	BENCH_SECONDS: SECONDS,
	BENCH_WARMUP_SECONDS: WARM_UP_SECONDS,
	BENCH_PATIENTS: Number(process.env.BENCH_PATIENTS ?? 100_000),
	BENCH_APPOINTMENTS: Number(process.env.BENCH_APPOINTMENTS ?? 1_000_000),
	BENCH_DIALECTS: process.env.BENCH_DIALECTS ?? 'sqlite,postgres',
	BENCH_RATIO_ROUNDS: RATIO_ROUNDS,
	httpConnections: CONNECTIONS,
	stormClients: STORM_CLIENTS,
	stormWarmUp: STORM_WARM_UP,
	postgresPool: POSTGRES_POOL
};
const add = (key: string, value: number, unit: string, better: Figure['better'], conditions: string) => figures.push({ key, value, unit, better, conditions });

const build = ensureFreshBuild();
settings.build = build;
console.log(`shinkyu bench — ${startedAt}
machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGb} GB, ${host.platform}, Node ${host.node}
build: ${build === 'fresh' ? 'up to date with src/' : build === 'built' ? 'built for this run' : 'rebuilt for this run (it was older than src/)'}
layout: app and bare node:http baseline in their own processes; load generator (autocannon, storm clients) in a process of its own; in-process benches after the servers stop
app: ${APP_LOGGING} (production level, every request logged), RATE_LIMITS=off, NODE_ENV=production
databases: ${SQLITE_DURABILITY}; ${POSTGRES_DURABILITY} (throwaway cluster), ${POSTGRES_POOL} per app instance and in the in-process benches, as the app opens it
HTTP rows: autocannon, ${CONNECTIONS} connections, ${WARM_UP_SECONDS} s warm-up then ${SECONDS} s per row`);

// ---------------------------------------------------------------------------------------------
// HTTP rows: the app on SQLite, the bare baseline, and availability on a month 70 % booked.

interface HttpRow extends HttpResult {
	key: string;
	name: string;
	detail: string;
	conditions: string;
}

const httpRows: HttpRow[] = [];
const appHttpConditions = `app own process, ${SQLITE_DURABILITY}, ${APP_LOGGING}; autocannon own process, ${CONNECTIONS} conn, ${SECONDS} s; ${machineTag(host)}`;
const bareConditions = `bare node:http own process; autocannon own process, ${CONNECTIONS} conn, ${SECONDS} s; ${machineTag(host)}`;

async function measure(
	key: string,
	name: string,
	job: Omit<HttpJob, 'kind' | 'connections' | 'seconds'>,
	conditions = appHttpConditions,
	detail = ''
): Promise<HttpRow> {
	if (WARM_UP_SECONDS > 0) await runLoad({ kind: 'http', connections: CONNECTIONS, seconds: WARM_UP_SECONDS, ...job });
	const result = await runLoad({ kind: 'http', connections: CONNECTIONS, seconds: SECONDS, ...job });
	const row = { key, name, detail, conditions, ...result };
	httpRows.push(row);
	add(`http ${key} req/s`, row.requestsPerSecond, 'req/s', 'higher', conditions);
	add(`http ${key} p50`, row.p50, 'ms', 'lower', conditions);
	add(`http ${key} p99`, row.p99, 'ms', 'lower', conditions);
	console.log(`  ${name}: ${row.requestsPerSecond} req/s`);
	return row;
}

const PUBLIC_PAGES = ['/', '/en', '/check', '/en/check', '/clinic', '/sciatica', '/en/acupuncture', '/your-visit', '/privacy'];

/** Every script a public page loads: `<script src>` and `<link rel=modulepreload>`. */
async function javascriptPerPage(base: string) {
	const results: Array<{ path: string; bytes: number; gzip: number }> = [];
	for (const page of PUBLIC_PAGES) {
		const html = await (await fetch(`${base}${page}`)).text();
		const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
		const inline = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
		let bytes = inline.reduce((n, s) => n + Buffer.byteLength(s), 0);
		let gzip = inline.reduce((n, s) => n + (s ? gzipSync(s).length : 0), 0);
		for (const src of sources) {
			const body = Buffer.from(await (await fetch(new URL(src, `${base}${page}`))).arrayBuffer());
			bytes += body.length;
			gzip += gzipSync(body).length;
		}
		results.push({ path: page, bytes, gzip });
	}
	return results;
}

console.log('\nHTTP rows (SQLite):');
const bare = await startBareServer();
const app = await startApp();
let month: BookedMonth;
let scriptBytes: Awaited<ReturnType<typeof javascriptPerPage>>;
let appLogBytes: number;
/** Availability ÷ health req/s of each alternating round, with the load average after it. */
const ratioRounds: Array<{ health: number; availability: number; ratio: number; load: string }> = [];
try {
	await measure('bare node:http', 'bare node:http (same payload as health)', { url: `${bare.baseUrl}/api/v1/health` }, bareConditions);
	await bare.stop();
	const logBefore = app.logBytes();
	const health = await measure('GET /api/v1/health', 'GET /api/v1/health', { url: `${app.baseUrl}/api/v1/health` });
	if (app.logBytes() - logBefore < health.requests * 50) throw new Error('the app logged less than one line per request: is LOG_LEVEL=info reaching it?');
	await measure('GET / (home, ja)', 'GET / (home page, ja)', { url: `${app.baseUrl}/` });
	await measure('GET /no-such-page (404)', 'GET /no-such-page (bare kit page, 404)', { url: `${app.baseUrl}/no-such-page` });
	await measure('GET /api/v1/services', 'GET /api/v1/services', { url: `${app.baseUrl}/api/v1/services` });
	await measure('POST /api/v1/triage', 'POST /api/v1/triage', {
		url: `${app.baseUrl}/api/v1/triage`,
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ answers: { ...Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])), age: 40, durationDays: 3, painNrs: 4 } })
	});
	month = await bookMonth(app.baseUrl, BOOKED_SHARE);
	console.log(
		`  booked ${month.booked} of ${month.capacity} follow-up visits (${(month.share * 100).toFixed(0)} %) in ${month.from}..${month.to} through the API (${month.refused} refused); ${month.freeSlots} free slots left`
	);
	const monthDetail = `${month.from}..${month.to}, ${(month.share * 100).toFixed(0)} % booked (${month.booked}/${month.capacity}), 3 practitioners, ${month.freeSlots} free slots`;
	await measure(
		'GET /api/v1/availability (1 open day, booked month)',
		'GET /api/v1/availability (1 open day of the booked month)',
		{ url: `${app.baseUrl}/api/v1/availability?service=${month.serviceId}&from=${month.openDay}&to=${month.openDay}` },
		appHttpConditions,
		`${month.openDay}, ${month.openDaySlots} free slots`
	);
	await measure(
		'GET /api/v1/availability (31 days, 70 % booked)',
		"GET /api/v1/availability (31 days, the booking page's month)",
		{ url: `${app.baseUrl}/api/v1/availability?service=${month.serviceId}&from=${month.from}&to=${month.to}` },
		appHttpConditions,
		monthDetail
	);
	// On a shared machine the rows above lie minutes apart: the target takes the median of rounds in
	// which health and availability run back to back, each with its warm-up.
	const monthUrl = `${app.baseUrl}/api/v1/availability?service=${month.serviceId}&from=${month.from}&to=${month.to}`;
	for (let round = 1; round <= RATIO_ROUNDS; round++) {
		const rps = async (url: string) => {
			if (WARM_UP_SECONDS > 0) await runLoad({ kind: 'http', url, connections: CONNECTIONS, seconds: WARM_UP_SECONDS });
			const result = await runLoad({ kind: 'http', url, connections: CONNECTIONS, seconds: SECONDS });
			if (result.errors > 0) throw new Error(`${result.errors} errors or non-2xx answers from ${url}`);
			return result.requestsPerSecond;
		};
		const health = await rps(`${app.baseUrl}/api/v1/health`);
		const availability = await rps(monthUrl);
		const ratio = Math.round((availability / health) * 1000) / 10;
		ratioRounds.push({ health, availability, ratio, load: os.loadavg()[0]!.toFixed(1) });
		console.log(`  ratio round ${round}: availability ${availability} req/s, health ${health} req/s = ${ratio} % (load average ${ratioRounds.at(-1)!.load})`);
	}
	scriptBytes = await javascriptPerPage(app.baseUrl);
	appLogBytes = app.logBytes();
} finally {
	await bare.stop();
	await app.stop();
}

const healthRow = httpRows.find((r) => r.key === 'GET /api/v1/health')!;
const bareRow = httpRows.find((r) => r.key === 'bare node:http')!;
const monthRow = httpRows.find((r) => r.key.startsWith('GET /api/v1/availability (31 days'))!;
const percentOf = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 10);

console.log(`\nHTTP throughput and latency (the app logged ${(appLogBytes / 1e6).toFixed(1)} MB at info level during these rows)\n`);
console.log('| case | req/s | % of health | p50 ms | p99 ms | errors+non-2xx | detail | conditions |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |');
for (const r of httpRows)
	console.log(
		`| ${r.name} | ${r.requestsPerSecond} | ${percentOf(r.requestsPerSecond, healthRow.requestsPerSecond)} % | ${r.p50} | ${r.p99} | ${r.errors} | ${r.detail || '—'} | ${r.conditions} |`
	);
const healthOfBare = percentOf(healthRow.requestsPerSecond, bareRow.requestsPerSecond);
add('ratio health / bare node:http', healthOfBare, '%', 'higher', `both in own processes; ${appHttpConditions}`);
console.log(`\nThe health endpoint serves ${healthOfBare} % of the bare node:http server's requests/s (both in their own processes, same load generator).`);

console.log('\nJavaScript shipped per public page (scripts and module preloads, as sent; gzip estimated with zlib)\n');
console.log('| page | JS bytes | JS gzip bytes |');
console.log('| --- | ---: | ---: |');
for (const p of scriptBytes) {
	console.log(`| ${p.path} | ${p.bytes} | ${p.gzip} |`);
	add(`js ${p.path} gzip`, p.gzip, 'bytes', 'lower', 'production build, public page as served');
}
const pageWeightList = pageWeights();
console.log(formatPageWeights(pageWeightList));
for (const w of pageWeightList.filter((w) => w.csr)) add(`js first load ${w.route} gzip`, w.gzip, 'bytes', 'lower', PAGE_WEIGHT_CONDITIONS);

// ---------------------------------------------------------------------------------------------
// Booking storms: SQLite, then PostgreSQL (durable) with one and two app instances; each on a fresh
// database, the clients in a process of their own.

const stormConditions = (layout: string, engine: string) =>
	`${layout}, ${engine}, ${APP_LOGGING}; ${STORM_CLIENTS} clients own process, kept-alive node:http, after ${STORM_WARM_UP} warm-up bookings; ${machineTag(host)}`;
console.log('\nBooking storms:');
const sqliteApp = await startApp();
let sqliteStorm: StormResult;
try {
	sqliteStorm = await runLoad({ kind: 'storm', bases: [sqliteApp.baseUrl], clients: STORM_CLIENTS, warmUp: STORM_WARM_UP });
} finally {
	await sqliteApp.stop();
}
console.log(`  SQLite: ${sqliteStorm.perSecond} bookings/s`);
const postgresStorms: PostgresStormRow[] = await bookingStormOnPostgres(STORM_CLIENTS, STORM_WARM_UP);
const storms = [
	{ key: 'sqlite', name: 'SQLite, 1 app instance', conditions: stormConditions('1 app process', SQLITE_DURABILITY), ...sqliteStorm },
	...postgresStorms.map((row) => ({
		key: `postgres ${row.instances} instance${row.instances > 1 ? 's' : ''}`,
		name: `PostgreSQL, ${row.instances} app instance${row.instances > 1 ? 's' : ''} on one database`,
		conditions: stormConditions(`${row.instances} app process${row.instances > 1 ? 'es' : ''}`, POSTGRES_DURABILITY),
		...row
	}))
];
console.log(`\nBooking storm: ${STORM_CLIENTS} concurrent clients posting POST /api/v1/bookings to distinct free slots\n`);
console.log('| database | committed bookings/s | p95 ms | committed | refused | warm-up (bookings at /s) | conditions |');
console.log('| --- | ---: | ---: | ---: | ---: | --- | --- |');
for (const s of storms) {
	console.log(`| ${s.name} | ${s.perSecond} | ${s.p95} | ${s.committed} | ${s.failed} | ${s.warmUp} at ${s.warmUpPerSecond}/s | ${s.conditions} |`);
	add(`storm ${s.key} bookings/s`, s.perSecond, 'bookings/s', 'higher', s.conditions);
	add(`storm ${s.key} p95`, s.p95, 'ms', 'lower', s.conditions);
}

// ---------------------------------------------------------------------------------------------
// In process, after the servers have stopped: the register, the long-treated patient, the report.

// The monthly report is timed on the register the patient bench seeded, after the patient figures
// (seeding 1,000,000 appointments twice per engine only cost time).
const dialects = (process.env.BENCH_DIALECTS?.split(',') as DialectName[] | undefined) ?? ['sqlite', 'postgres'];
const reportBench: ReportBenchReport = {
	patients: settings.BENCH_PATIENTS as number,
	appointments: settings.BENCH_APPOINTMENTS as number,
	month: lastMonth().month,
	added: {},
	rows: []
};
const patientBench = await benchPatients({
	dialects,
	after: async (db, dialect) => {
		console.log(`  Monthly report on ${dialect}: adding charges, payments and check-ins for the last three months, then timing`);
		const measured = await measureReportsOn(db, dialect);
		reportBench.added[dialect] = measured.added;
		reportBench.rows.push(...measured.rows);
	}
});
console.log(formatPatientBench(patientBench));
for (const r of patientBench.rows) {
	add(`patients ${r.database} ${r.case} p50`, r.p50, 'ms', 'lower', inProcessConditions(r.database));
	add(`patients ${r.database} ${r.case} p95`, r.p95, 'ms', 'lower', inProcessConditions(r.database));
}

const clinicalBench = await benchClinical({ dialects });
console.log(formatClinicalBench(clinicalBench));
for (const r of clinicalBench.rows) add(`clinical ${r.database} ${r.case} p95`, r.p95, 'ms', 'lower', inProcessConditions(r.database));

console.log(formatReportBench(reportBench));
for (const r of reportBench.rows) add(`report ${r.database} ${r.case} p95`, r.p95, 'ms', 'lower', inProcessConditions(r.database));

const waitlistBench = await benchWaitlist({ dialects });
console.log(formatWaitlistBench(waitlistBench));
for (const r of waitlistBench)
	add(`waitlist ${r.database} offer freed slot (${r.waiting} waiting) p95`, r.p95, 'ms', 'lower', inProcessConditions(r.database, `load average ${r.load}`));

const inProcess = measureAvailability();
const inProcessTag = inProcessConditions('none');
console.log(
	`\nAvailability rule in process (1 practitioner × 90 days, 2,000 appointments, 300 runs): p50 ${inProcess.p50} ms, p95 ${inProcess.p95} ms (${inProcess.slots} slots) — ${inProcessTag}`
);
add('availability rule in process p95', inProcess.p95, 'ms', 'lower', inProcessTag);

// ---------------------------------------------------------------------------------------------
// The issue's targets, each a ratio within this run.

const targets: TargetVerdict[] = [];
const postgresOne = storms.find((s) => s.key === 'postgres 1 instance')!;
const stormRatio = percentOf(postgresOne.perSecond, sqliteStorm.perSecond);
add('ratio postgres (1 instance) / sqlite bookings/s', stormRatio, '%', 'higher', `${POSTGRES_DURABILITY} vs ${SQLITE_DURABILITY}`);
targets.push({
	name: 'bookings/s on PostgreSQL (1 instance, durable) vs SQLite',
	ratio: `${postgresOne.perSecond} / ${sqliteStorm.perSecond} = ${stormRatio} %`,
	target: `≥ ${TARGET_STORM_RATIO} %`,
	pass: stormRatio >= TARGET_STORM_RATIO
});
const byRatio = [...ratioRounds].sort((a, b) => a.ratio - b.ratio);
const medianRound = byRatio[Math.floor(byRatio.length / 2)] ?? {
	health: healthRow.requestsPerSecond,
	availability: monthRow.requestsPerSecond,
	ratio: percentOf(monthRow.requestsPerSecond, healthRow.requestsPerSecond),
	load: '?'
};
const availabilityRatio = medianRound.ratio;
add('ratio availability 31 days / health req/s', availabilityRatio, '%', 'higher', `${appHttpConditions}; median of ${ratioRounds.length} alternating rounds`);
targets.push({
	name: `GET /api/v1/availability for 31 days (${(month.share * 100).toFixed(0)} % booked) vs GET /api/v1/health`,
	ratio: `median of ${ratioRounds.length} alternating rounds (${ratioRounds.map((r) => `${r.ratio} % at load ${r.load}`).join(', ')}): ${medianRound.availability} / ${medianRound.health} req/s = ${availabilityRatio} %`,
	target: `≥ ${TARGET_AVAILABILITY_RATIO} %`,
	pass: availabilityRatio >= TARGET_AVAILABILITY_RATIO
});
const heaviestPage = heaviestConsolePage(pageWeightList);
if (heaviestPage) {
	targets.push({
		name: `first-load JavaScript of the heaviest staff or portal page (${heaviestPage.route})`,
		ratio: `${heaviestPage.gzip} / ${FIRST_LOAD_BUDGET} gzip bytes = ${percentOf(heaviestPage.gzip, FIRST_LOAD_BUDGET)} % of the budget`,
		target: `≤ ${FIRST_LOAD_BUDGET} bytes`,
		pass: heaviestPage.gzip <= FIRST_LOAD_BUDGET
	});
}
const scale = `${patientBench.patients.toLocaleString('en')} patients${patientBench.patients === 100_000 ? '' : ' (the target is stated at 100,000)'}`;
for (const database of ['sqlite', 'postgres'] as const) {
	const rows = patientBench.rows.filter((r) => r.database === database);
	if (rows.length === 0) continue;
	const worst = rows.filter((r) => r.case.startsWith('search')).sort((a, b) => b.p95 - a.p95)[0]!;
	targets.push({
		name: `patient search p95, slowest kind, ${database === 'sqlite' ? 'SQLite' : 'PostgreSQL, durable'}`,
		ratio: `${worst.case.slice('search: '.length)}: ${worst.p95} ms / ${TARGET_SEARCH_P95} ms = ${percentOf(worst.p95, TARGET_SEARCH_P95)} % of the budget, ${scale}, load average ${worst.load ?? '?'}`,
		target: `< ${TARGET_SEARCH_P95} ms`,
		pass: worst.p95 < TARGET_SEARCH_P95
	});
	const chart = rows.find((r) => r.case.startsWith('chart'))!;
	targets.push({
		name: `chart open p95 (register), ${database === 'sqlite' ? 'SQLite' : 'PostgreSQL, durable'}`,
		ratio: `${chart.p95} ms / ${TARGET_CHART_P95} ms = ${percentOf(chart.p95, TARGET_CHART_P95)} % of the budget, ${scale}, load average ${chart.load ?? '?'}`,
		target: `< ${TARGET_CHART_P95} ms`,
		pass: chart.p95 < TARGET_CHART_P95
	});
}
for (const r of reportBench.rows) {
	targets.push({
		name: `${r.case} p95, ${r.database === 'sqlite' ? 'SQLite' : 'PostgreSQL, durable'}`,
		ratio: `${r.p95} ms / ${TARGET_P95_MS} ms = ${percentOf(r.p95, TARGET_P95_MS)} % of the budget`,
		target: `< ${TARGET_P95_MS} ms`,
		pass: r.p95 < TARGET_P95_MS
	});
}

for (const r of waitlistBench) {
	targets.push({
		name: `offering a freed slot with ${r.waiting.toLocaleString('en')} waiting p95, ${r.database === 'sqlite' ? 'SQLite' : 'PostgreSQL, durable'} (matching query ${r.usesIndex ? 'on its index' : 'WITHOUT its index'})`,
		ratio: `${r.p95} ms / ${TARGET_WAITLIST_P95_MS} ms = ${percentOf(r.p95, TARGET_WAITLIST_P95_MS)} % of the budget, load average ${r.load}`,
		target: `< ${TARGET_WAITLIST_P95_MS} ms`,
		pass: r.p95 < TARGET_WAITLIST_P95_MS && r.usesIndex
	});
}
// Lighthouse on the console (desktop) and the public pages (mobile), issue #22. BENCH_LIGHTHOUSE=off skips it.
if (process.env.BENCH_LIGHTHOUSE !== 'off') {
	const lighthouse = await benchLighthouse();
	console.log(`\n${formatLighthouse(lighthouse)}`);
	for (const r of lighthouse) {
		add(`lighthouse.${r.preset}.performance ${r.page}`, r.performance, 'score', 'higher', LIGHTHOUSE_CONDITIONS);
		add(`lighthouse.${r.preset}.accessibility ${r.page}`, r.accessibility, 'score', 'higher', LIGHTHOUSE_CONDITIONS);
	}
	for (const r of lighthouse.filter((x) => x.preset === 'desktop')) {
		targets.push({
			name: `Lighthouse performance (desktop) ${r.page}`,
			ratio: `${r.performance} / 100`,
			target: `>= ${TARGET_CONSOLE_PERFORMANCE}`,
			pass: r.performance >= TARGET_CONSOLE_PERFORMANCE
		});
	}
}
console.log(`\nTargets (each a ratio within this run; ${machineTag(host)})\n`);
console.log('| target | ratio in this run | needed | |');
console.log('| --- | --- | --- | --- |');
for (const t of targets) console.log(`| ${t.name} | ${t.ratio} | ${t.target} | ${t.pass ? 'PASS' : 'FAIL'} |`);
console.log(`\n${targets.filter((t) => t.pass).length} of ${targets.length} targets pass.`);

const result: RunResult = { version: 1, startedAt, finishedAt: new Date().toISOString(), machine: host, settings, figures, targets };
const out = path.resolve(args.out ?? defaultResultPath(startedAt));
writeResult(out, result);
const shown = path.relative(process.cwd(), out).startsWith('..') ? out : path.relative(process.cwd(), out);
console.log(`\nFigures written to ${shown} (compare a later run with \`npm run bench -- --compare ${shown}\`).`);
if (earlier && args.compare) console.log(compare(earlier, result, args.compare));
