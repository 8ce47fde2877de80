import type { RequestEvent } from '@sveltejs/kit';
import type { AuditActor } from '../audit/audit-log';

/** Who is acting, for the audit log: the signed-in staff member or an anonymous visitor. */
export function actorFrom(event: RequestEvent): AuditActor {
	const staff = event.locals.session?.staff;
	return {
		type: staff ? 'staff' : 'anonymous',
		id: staff?.id ?? null,
		ip: clientAddress(event),
		requestId: event.locals.requestId
	};
}

export function clientAddress(event: RequestEvent): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

/**
 * Always made here, never taken from the client: a chosen id could tie a stranger's request to
 * someone else's log lines, or hide one request among another's (issue 16).
 */
export function newRequestId(): string {
	return crypto.randomUUID();
}
