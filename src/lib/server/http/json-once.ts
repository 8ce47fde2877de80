const encoder = new TextEncoder();
const bodies = new WeakMap<object, Uint8Array>();

/**
 * A JSON response, as SvelteKit's `json()` makes it (same body and headers), whose body is built
 * and encoded once per `source`: for answers that are themselves reused unchanged
 * (booking/availability-answers.ts), so a reused answer is not serialized again for every request.
 * `source` must not change after its first use.
 */
export function jsonOnce(source: object, data: () => unknown, init: { headers?: Record<string, string> } = {}): Response {
	let body = bodies.get(source);
	if (!body) bodies.set(source, (body = encoder.encode(JSON.stringify(data()))));
	const headers = new Headers(init.headers);
	if (!headers.has('content-length')) headers.set('content-length', String(body.byteLength));
	if (!headers.has('content-type')) headers.set('content-type', 'application/json');
	return new Response(body as Uint8Array<ArrayBuffer>, { headers });
}
