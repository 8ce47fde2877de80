/*
 * The built app answering `GET /api/v1/availability` for a month 70 % booked, under autocannon,
 * with a CPU profile of the app process (written to BENCH_PROFILE_DIR when the app stops):
 *
 *   BENCH_PROFILE_DIR=/tmp/profiles node --import tsx bench/availability-server-profile.ts
 */
import { bookMonth } from './booked-month';
import { runLoad } from './load';
import { startApp } from './servers';

const dir = process.env.BENCH_PROFILE_DIR ?? '/tmp';
const app = await startApp({ execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
try {
	const month = await bookMonth(app.baseUrl, 0.7);
	const url = `${app.baseUrl}/api/v1/availability?service=${month.serviceId}&from=${month.from}&to=${month.to}`;
	const result = await runLoad({ kind: 'http', url, connections: 20, seconds: Number(process.env.BENCH_SECONDS ?? 10) });
	console.log(`availability ${month.from}..${month.to}: ${result.requestsPerSecond} req/s; app pid ${app.pid}, profile in ${dir}`);
} finally {
	await app.stop();
}
