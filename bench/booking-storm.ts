import http from 'node:http';
import { bookingRequest, distinctSlotTargets, type BookingTarget } from '../tests/support/booking-targets';

export interface StormResult {
	committed: number;
	failed: number;
	perSecond: number;
	p95: number;
	/** Bookings made before the clock started, and their rate; not counted above. */
	warmUp: number;
	warmUpPerSecond: number;
}

/**
 * Committed bookings per second: `clients` concurrent clients, each posting to distinct free slots
 * (no two overlap for a practitioner, so nearly every request should commit). Given several app
 * instances, the clients are spread over them evenly.
 *
 * The first `warmUp` bookings go before the clock starts: a server that has just started compiles
 * its booking path during its first few hundred bookings, and a clinic's server has long done so.
 * Their rate is reported beside the measured one.
 * The clients speak node:http over kept-alive connections because they share the machine's cores
 * with the server: fetch spends about four times the CPU per request, which the server then lacks.
 */
export async function bookingStorm(instances: string | readonly string[], clients = 32, warmUp = 400): Promise<StormResult> {
	const bases = typeof instances === 'string' ? [instances] : instances;
	const targets = await distinctSlotTargets(bases[0]!, 2, 85);
	const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
	try {
		const warm = await storm(bases, targets.slice(0, warmUp), clients, agent, 0);
		const measured = await storm(bases, targets.slice(warmUp), clients, agent, warmUp);
		return { ...measured, warmUp: warm.committed, warmUpPerSecond: warm.perSecond };
	} finally {
		agent.destroy();
	}
}

async function storm(bases: readonly string[], targets: readonly BookingTarget[], clients: number, agent: http.Agent, numberFrom: number) {
	let next = 0;
	let committed = 0;
	let failed = 0;
	const latencies: number[] = [];
	const started = performance.now();
	await Promise.all(
		Array.from({ length: clients }, async (_, client) => {
			const base = bases[client % bases.length]!;
			while (next < targets.length) {
				const n = next++;
				const sent = performance.now();
				const status = await postJson(`${base}/api/v1/bookings`, bookingRequest(targets[n]!, numberFrom + n + 1).body as string, agent);
				latencies.push(performance.now() - sent);
				if (status === 201) committed++;
				else failed++;
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	return { committed, failed, perSecond: Math.round(committed / seconds), p95: Math.round(latencies[Math.floor(0.95 * (latencies.length - 1))] ?? 0) };
}

function postJson(url: string, body: string, agent: http.Agent): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{ method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
			(response) => {
				response.resume();
				response.on('end', () => resolve(response.statusCode ?? 0));
			}
		);
		request.on('error', reject);
		request.end(body);
	});
}
