import { personName } from '$lib/domain/patients/person-name';
import { lineConfig } from '$lib/server/line/line-config';
import { findPortalPatient } from '$lib/server/portal/portal-home';
import type { LayoutServerLoad } from './$types';

/**
 * The portal shell. Sign-in pages are under it too, without a session: they get no patient and
 * the shell shows no menu. Nothing here may be kept by a shared cache.
 */
export const load: LayoutServerLoad = async ({ locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const session = locals.patientSession;
	const patient = session ? await findPortalPatient(locals.db, session.patientId) : null;
	// The patient is addressed by full name (issue #22): 佐藤 健 様, not 健 様.
	return { portalPatient: patient ? { fullName: personName(patient, locals.locale) } : null, lineEnabled: lineConfig() !== null };
};
