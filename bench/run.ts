/*
 * `npm run bench`: prints a table of throughput and latency figures. The first row is always the
 * health endpoint of the built app next to a bare node:http server in the same run, so numbers
 * from different machines can be read relative to what Node itself does here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { RED_FLAG_QUESTIONS } from '../src/lib/domain/triage/assess';
import { freePort } from '../tests/support/postgres-cluster';
import { measureAvailability } from './availability';
import { bookingStorm } from './booking-storm';
import { bookingStormOnPostgres } from './booking-storm-postgres';
import { benchClinical, formatClinicalBench } from './clinical';
import { benchPatients, formatPatientBench } from './patients';
import { benchReports, formatReportBench } from './reports';
import { builtServerEntry, startBuiltServer } from '../tests/support/server-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 20;

interface Row {
	name: string;
	requestsPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
}

async function measure(name: string, url: string, options: Partial<autocannon.Options> = {}): Promise<Row> {
	const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
	return {
		name,
		requestsPerSecond: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.non2xx
	};
}

const PUBLIC_PAGES = ['/', '/en', '/check', '/en/check', '/clinic', '/sciatica', '/en/acupuncture', '/your-visit', '/privacy'];

/** Every script a public page loads: `<script src>` and `<link rel=modulepreload>`. */
async function javascriptPerPage(base: string) {
	const results: Array<{ path: string; bytes: number; gzip: number }> = [];
	for (const path of PUBLIC_PAGES) {
		const html = await (await fetch(`${base}${path}`)).text();
		const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
		const inline = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
		let bytes = inline.reduce((n, s) => n + Buffer.byteLength(s), 0);
		let gzip = inline.reduce((n, s) => n + (s ? gzipSync(s).length : 0), 0);
		for (const src of sources) {
			const body = Buffer.from(await (await fetch(new URL(src, `${base}${path}`))).arrayBuffer());
			bytes += body.length;
			gzip += gzipSync(body).length;
		}
		results.push({ path, bytes, gzip });
	}
	return results;
}

async function startBareServer(): Promise<{ url: string; close: () => void }> {
	const body = JSON.stringify({ status: 'ok', database: 'none', version: '0.0.0' });
	const server = http.createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(body);
	});
	const port = await freePort();
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${port}/api/v1/health`, close: () => server.close() };
}

async function startApp(): Promise<{ base: string; stop: () => Promise<void> }> {
	if (!fs.existsSync(builtServerEntry())) {
		const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
		if (build.status !== 0) throw new Error('build failed');
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-bench-'));
	const server = await startBuiltServer({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMITS: 'off' });
	return {
		base: server.baseUrl,
		stop: async () => {
			await server.stop();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

const bare = await startBareServer();
const app = await startApp();
const rows: Row[] = [];
let storm: Awaited<ReturnType<typeof bookingStorm>> | undefined;
const scriptBytes: Array<{ path: string; bytes: number; gzip: number }> = [];
try {
	rows.push(await measure('bare node:http (same payload)', bare.url));
	rows.push(await measure('GET /api/v1/health (SQLite)', `${app.base}/api/v1/health`));
	rows.push(await measure('GET / (home page, ja)', `${app.base}/`));
	rows.push(await measure('GET /no-such-page (bare kit page, 404)', `${app.base}/no-such-page`));
	rows.push(await measure('GET /api/v1/services', `${app.base}/api/v1/services`));
	rows.push(
		await measure('POST /api/v1/triage', `${app.base}/api/v1/triage`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ answers: { ...Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])), age: 40, durationDays: 3, painNrs: 4 } })
		})
	);
	const services = await (await fetch(`${app.base}/api/v1/services`)).json();
	const followUp = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	const to = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
	// A day the clinic is open (a closed day answers with no slots and would flatter the figure).
	const fortnight = await (await fetch(`${app.base}/api/v1/availability?service=${followUp}&from=${from}&to=${to}`)).json();
	const openDay = (fortnight.slots as Array<{ start: string }>).at(-1)!.start.slice(0, 10);
	const daySlots = (fortnight.slots as Array<{ start: string }>).filter((slot) => slot.start.startsWith(openDay)).length;
	rows.push(await measure(`GET /api/v1/availability (1 open day, 3 practitioners, ${daySlots} slots)`, `${app.base}/api/v1/availability?service=${followUp}&from=${openDay}&to=${openDay}`));
	rows.push(await measure(`GET /api/v1/availability (14 days, 3 practitioners, ${fortnight.slots.length} slots)`, `${app.base}/api/v1/availability?service=${followUp}&from=${from}&to=${to}`));
	scriptBytes.push(...(await javascriptPerPage(app.base)));
	storm = await bookingStorm(app.base, 32);
} finally {
	bare.close();
	await app.stop();
}

console.log('\nJavaScript shipped per public page (scripts and module preloads, as sent; gzip estimated with zlib):\n');
console.log('| page | JS bytes | JS gzip bytes |');
console.log('| --- | ---: | ---: |');
for (const p of scriptBytes) console.log(`| ${p.path} | ${p.bytes} | ${p.gzip} |`);

// The patient register at scale, in process on SQLite and a throwaway PostgreSQL cluster
// (BENCH_PATIENTS / BENCH_APPOINTMENTS make a quicker, smaller run).
const patientBench = await benchPatients();
console.log(formatPatientBench(patientBench));

// One patient with 200 sessions and 30 check-ins: opening the chart and rendering the progress chart
// (BENCH_DIALECTS narrows it to one engine).
console.log(formatClinicalBench(await benchClinical()));

// The owner's monthly report over the large seed, with charges and check-ins added (target p95 < 1 s).
console.log(formatReportBench(await benchReports()));

const inProcess = measureAvailability();
console.log(`\nAvailability in-process (1 practitioner × 90 days, 2,000 appointments): p50 ${inProcess.p50} ms, p95 ${inProcess.p95} ms (${inProcess.slots} slots)`);
if (storm) {
	console.log(`Booking storm on SQLite, 32 concurrent clients on distinct slots: ${storm.perSecond} committed bookings/s, p95 ${storm.p95} ms (${storm.committed} committed, ${storm.failed} refused, after ${storm.warmUp} to warm up at ${storm.warmUpPerSecond}/s)`);
}
for (const row of await bookingStormOnPostgres(32)) {
	console.log(`Booking storm on PostgreSQL, ${row.instances} app instance${row.instances > 1 ? 's' : ''}, 32 clients: ${row.perSecond} committed bookings/s, p95 ${row.p95} ms (${row.committed} committed, ${row.failed} refused, after ${row.warmUp} to warm up at ${row.warmUpPerSecond}/s)`);
}
const health = rows.find((r) => r.name.startsWith('GET /api/v1/health'));
for (const availability of rows.filter((r) => r.name.startsWith('GET /api/v1/availability'))) {
	if (health) console.log(`${availability.name}: ${((availability.requestsPerSecond / health.requestsPerSecond) * 100).toFixed(0)}% of the health endpoint's throughput on the same server.`);
}

const ratio = rows[0] && rows[1] ? ((rows[1].requestsPerSecond / rows[0].requestsPerSecond) * 100).toFixed(0) : '?';
console.log(`\nshinkyu bench — ${SECONDS}s per row, ${CONNECTIONS} connections, Node ${process.version}, ${os.cpus().length} cores\n`);
console.log('| case | req/s | p50 ms | p99 ms | errors+non-2xx |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors} |`);
console.log(`\nhealth endpoint throughput is ${ratio}% of a bare node:http server on this machine.`);
