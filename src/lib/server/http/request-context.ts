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

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A proxy's request id is kept when it looks safe to log; otherwise a new one is made. */
export function requestIdFor(request: Request): string {
	const incoming = request.headers.get('x-request-id');
	return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
