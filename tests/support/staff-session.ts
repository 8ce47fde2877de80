/** Signs a demo staff member in through the API and returns the `name=value` session cookie. */
export async function staffCookie(base: string, email: string, password: string | undefined): Promise<string> {
	const response = await fetch(`${base}/api/v1/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password })
	});
	if (response.status !== 200) throw new Error(`${email} could not sign in: ${response.status}`);
	const body = await response.json();
	if (body.next !== 'done') throw new Error(`${email} needs a second step (${body.next})`);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('shinkyu_staff='));
	if (!cookie) throw new Error('no session cookie');
	return cookie.split(';')[0]!;
}
