import { json } from '@sveltejs/kit';
import { clearSessionCookie, isSecureUrl, readSessionCookie } from '$lib/server/auth/session-cookie';
import { signOut } from '$lib/server/auth/sign-out';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	await signOut(event.locals.db, readSessionCookie(event.cookies, isSecureUrl(event.url)), event.locals.session?.staff.id, actorFrom(event));
	clearSessionCookie(event.cookies, isSecureUrl(event.url));
	return json({ ok: true });
};
