import { bookingRequest, distinctSlotTargets } from '../tests/support/booking-targets';

/**
 * Committed bookings per second: `clients` concurrent clients, each posting to distinct free
 * slots (no two overlap for a practitioner, so nearly every request should commit). Given several
 * app instances, the clients are spread over them evenly.
 */
export async function bookingStorm(instances: string | readonly string[], clients = 32): Promise<{ committed: number; failed: number; perSecond: number; p95: number }> {
	const bases = typeof instances === 'string' ? [instances] : instances;
	const targets = await distinctSlotTargets(bases[0]!);
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
				const response = await fetch(`${base}/api/v1/bookings`, bookingRequest(targets[n]!, n + 1));
				await response.arrayBuffer();
				latencies.push(performance.now() - sent);
				if (response.status === 201) committed++;
				else failed++;
			}
		})
	);
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	return { committed, failed, perSecond: Math.round(committed / seconds), p95: Math.round(latencies[Math.floor(0.95 * (latencies.length - 1))] ?? 0) };
}
