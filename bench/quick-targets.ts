/*
 * Two of `npm run bench`'s targets alone, as it measures them (same servers, load generator and
 * booked month), for checking a change without the register seeding: the 31-day availability vs
 * health ratio (SQLite app), and PostgreSQL (1 instance, durable) vs SQLite bookings/s.
 *
 *   node --import tsx bench/quick-targets.ts [availability] [storm]
 */
import os from 'node:os';
import { bookMonth } from './booked-month';
import { bookingStormOnPostgres } from './booking-storm-postgres';
import { ensureFreshBuild } from './build';
import { runLoad } from './load';
import { startApp } from './servers';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const parts = process.argv.slice(2);
const wanted = (part: string) => parts.length === 0 || parts.includes(part);
const load = () => `load average ${os.loadavg()[0]!.toFixed(1)}`;
console.log(`build: ${ensureFreshBuild()}; ${os.cpus().length} cores; autocannon 20 connections, 1 s warm-up then ${SECONDS} s`);

async function http(url: string) {
	await runLoad({ kind: 'http', url, connections: 20, seconds: 1 });
	return runLoad({ kind: 'http', url, connections: 20, seconds: SECONDS });
}

if (wanted('availability')) {
	const app = await startApp();
	try {
		const month = await bookMonth(app.baseUrl, 0.7);
		const url = `${app.baseUrl}/api/v1/availability?service=${month.serviceId}&from=${month.from}&to=${month.to}`;
		// The machine is shared: health and availability take turns, and each round gives a ratio.
		const ratios: number[] = [];
		for (let round = 1; round <= ROUNDS; round++) {
			const health = await http(`${app.baseUrl}/api/v1/health`);
			const availability = await http(url);
			if (availability.errors > 0 || health.errors > 0) throw new Error(`errors: ${availability.errors} availability, ${health.errors} health`);
			ratios.push((100 * availability.requestsPerSecond) / health.requestsPerSecond);
			console.log(
				`  round ${round}: availability ${availability.requestsPerSecond} req/s, health ${health.requestsPerSecond} req/s: ${ratios.at(-1)!.toFixed(1)} % (${load()})`
			);
		}
		ratios.sort((a, b) => a - b);
		console.log(
			`availability ${month.from}..${month.to} (${(month.share * 100).toFixed(0)} % booked, ${month.freeSlots} free slots) vs health: median ratio ${ratios[Math.floor(ratios.length / 2)]!.toFixed(1)} % of ${ROUNDS} rounds`
		);
	} finally {
		await app.stop();
	}
}

if (wanted('storm')) {
	const app = await startApp();
	let sqlite;
	try {
		sqlite = await runLoad({ kind: 'storm', bases: [app.baseUrl], clients: 32, warmUp: 400 });
	} finally {
		await app.stop();
	}
	console.log(`storm SQLite: ${sqlite.perSecond} bookings/s (${sqlite.committed} committed, ${sqlite.failed} refused; ${load()})`);
	const [postgres] = await bookingStormOnPostgres(32, 400, [1]);
	console.log(
		`storm PostgreSQL 1 instance, durable: ${postgres!.perSecond} bookings/s (${postgres!.committed} committed, ${postgres!.failed} refused); ratio ${((100 * postgres!.perSecond) / sqlite.perSecond).toFixed(1)} % (${load()})`
	);
}
