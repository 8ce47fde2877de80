/** Reads a JSON body without throwing: malformed JSON is the client's mistake, not a 500. */
export async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false }> {
	try {
		return { ok: true, value: await request.json() };
	} catch {
		return { ok: false };
	}
}
