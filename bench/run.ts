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
import autocannon from 'autocannon';
import { freePort } from '../tests/support/postgres-cluster';
import { startBuiltServer } from '../tests/support/server-process';

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
	if (!fs.existsSync('build/index.js')) {
		const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
		if (build.status !== 0) throw new Error('build failed');
	}
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-bench-'));
	const server = await startBuiltServer({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
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
try {
	rows.push(await measure('bare node:http (same payload)', bare.url));
	rows.push(await measure('GET /api/v1/health (SQLite)', `${app.base}/api/v1/health`));
	rows.push(await measure('GET / (home page, ja)', `${app.base}/`));
	rows.push(await measure('GET /api/v1/services', `${app.base}/api/v1/services`));
} finally {
	bare.close();
	await app.stop();
}

const ratio = rows[0] && rows[1] ? ((rows[1].requestsPerSecond / rows[0].requestsPerSecond) * 100).toFixed(0) : '?';
console.log(`\nshinkyu bench — ${SECONDS}s per row, ${CONNECTIONS} connections, Node ${process.version}, ${os.cpus().length} cores\n`);
console.log('| case | req/s | p50 ms | p99 ms | errors+non-2xx |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.errors} |`);
console.log(`\nhealth endpoint throughput is ${ratio}% of a bare node:http server on this machine.`);
