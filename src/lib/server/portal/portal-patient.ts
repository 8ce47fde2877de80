import { redirect, type RequestEvent } from '@sveltejs/kit';
import { localizePath } from '../../i18n/locales';
import type { AuditActor } from '../audit/audit-log';
import { actorFrom } from '../http/request-context';

/** In the portal the patient acts on their own record: the audit names them (type 'patient', id = patient id). */
export function patientActor(event: RequestEvent, patientId: string): AuditActor {
	return { ...actorFrom(event), type: 'patient', id: patientId };
}

/**
 * The signed-in patient of a portal request. Route access already sends anyone else to sign in;
 * this keeps every query scoped to that one patient id, and says so to the type checker.
 */
export function portalPatient(event: RequestEvent): { patientId: string; actor: AuditActor } {
	const session = event.locals.patientSession;
	if (!session) redirect(303, localizePath('/portal/login', event.locals.locale));
	return { patientId: session.patientId, actor: patientActor(event, session.patientId) };
}
