/**
 * Committed bookings per second: `clients` concurrent clients, each posting to distinct free
 * slots (no two overlap for a practitioner, so every request should commit).
 */
export async function bookingStorm(base: string, clients = 32): Promise<{ committed: number; failed: number; perSecond: number; p95: number }> {
	const services = await (await fetch(`${base}/api/v1/services`)).json();
	const serviceId = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	const from = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
	const to = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
	const { slots } = await (await fetch(`${base}/api/v1/availability?service=${serviceId}&from=${from}&to=${to}`)).json();
	const lastEnd = new Map<string, number>();
	const targets: Array<{ start: string; practitionerId: string }> = [];
	for (const slot of slots as Array<{ start: string; practitionerId: string }>) {
		const start = Date.parse(slot.start);
		if (start < (lastEnd.get(slot.practitionerId) ?? 0)) continue;
		lastEnd.set(slot.practitionerId, start + 60 * 60_000);
		targets.push(slot);
	}
	let next = 0;
	let committed = 0;
	let failed = 0;
	const latencies: number[] = [];
	const started = performance.now();
	await Promise.all(
		Array.from({ length: clients }, async () => {
			while (next < targets.length) {
				const slot = targets[next++]!;
				const sent = performance.now();
				const response = await fetch(`${base}/api/v1/bookings`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						serviceId,
						practitionerId: slot.practitionerId,
						start: slot.start,
						locale: 'ja',
						patient: { familyName: '負荷', givenName: `試験${next}`, email: `storm${next}@example.jp`, phone: `090-${String(1000 + (next % 9000)).padStart(4, '0')}-${String(next).padStart(4, '0').slice(-4)}` },
						consent: { privacy: true }
					})
				});
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
