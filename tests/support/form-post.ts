/** A form post as a browser without JavaScript sends it: same origin, HTML wanted, redirects not followed. */
export function browserFormPost(base: string, path: string, fields: Record<string, string>, cookie = ''): Promise<Response> {
	return fetch(`${base}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
		body: new URLSearchParams(fields)
	});
}

/**
 * The first `weekday` (0 = Sunday) at least `daysAhead` days from now, as YYYY-MM-DD: each browser
 * test that books takes its own weeks ahead, so the tests never meet on the shared server.
 */
export function weekdayAhead(daysAhead: number, weekday: number): string {
	const day = new Date(Date.now() + daysAhead * 86_400_000);
	day.setUTCDate(day.getUTCDate() + ((weekday - day.getUTCDay() + 7) % 7));
	return day.toISOString().slice(0, 10);
}
