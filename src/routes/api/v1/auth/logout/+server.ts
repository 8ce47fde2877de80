import { json } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/auth/session-cookie';
import { signOut } from '$lib/server/auth/sign-out';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	await signOut(event.locals.db, event.cookies.get(SESSION_COOKIE), event.locals.session?.staff.id, actorFrom(event));
	clearSessionCookie(event.cookies);
	return json({ ok: true });
};
