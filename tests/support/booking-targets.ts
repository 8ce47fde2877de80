/**
 * Free follow-up slots far enough apart that no two overlap for a practitioner. Nearly all commit;
 * practitioners free at the same hour can still run out of beds, which is a fair 409.
 */
export interface BookingTarget {
	serviceId: string;
	start: string;
	practitionerId: string;
}

export async function distinctSlotTargets(base: string, fromDay = 2, toDay = 60): Promise<BookingTarget[]> {
	const services = await (await fetch(`${base}/api/v1/services`)).json();
	const serviceId = services.find((s: { code: string }) => s.code === 'FOLLOW').id;
	const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
	const slots: Array<{ start: string; practitionerId: string }> = [];
	// One request may ask for 62 days at most.
	for (let first = fromDay; first <= toDay; first += 60) {
		const answer = await (await fetch(`${base}/api/v1/availability?service=${serviceId}&from=${day(first)}&to=${day(Math.min(first + 59, toDay))}`)).json();
		slots.push(...answer.slots);
	}
	const lastEnd = new Map<string, number>();
	const targets: BookingTarget[] = [];
	for (const slot of slots) {
		const start = Date.parse(slot.start);
		if (start < (lastEnd.get(slot.practitionerId) ?? 0)) continue;
		lastEnd.set(slot.practitionerId, start + 60 * 60_000);
		targets.push({ serviceId, start: slot.start, practitionerId: slot.practitionerId });
	}
	return targets;
}

/** One online booking as the API contract has it, for a made-up patient number `n`. */
export function bookingRequest(target: BookingTarget, n: number): RequestInit {
	return {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			serviceId: target.serviceId,
			practitionerId: target.practitionerId,
			start: target.start,
			locale: 'ja',
			patient: {
				familyName: '負荷',
				givenName: `試験${n}`,
				email: `storm${n}@example.jp`,
				phone: `090-${String(1000 + (n % 9000)).padStart(4, '0')}-${String(n).padStart(4, '0').slice(-4)}`
			},
			consent: { privacy: true }
		})
	};
}
