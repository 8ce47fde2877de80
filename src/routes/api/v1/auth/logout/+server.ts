import { json } from '@sveltejs/kit';
import { recordAudit } from '$lib/server/audit/audit-log';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/auth/session-cookie';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		await deleteSession(event.locals.db, token);
		if (event.locals.session) await recordAudit(event.locals.db, actorFrom(event), { action: 'auth.sign_out', entityType: 'staff', entityId: event.locals.session.staff.id });
	}
	clearSessionCookie(event.cookies);
	return json({ ok: true });
};
