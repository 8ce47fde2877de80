import { portalPatient } from '$lib/server/portal/portal-patient';
import { listOnlineOffer, listPortalPackages } from '$lib/server/packages/portal-packages';
import type { PageServerLoad } from './$types';

/* The patient's prepaid courses and the clinic's offer (issue #18). Read-only: buying is at the desk. */
export const load: PageServerLoad = async (event) => {
	const { db } = event.locals;
	const { patientId, actor } = portalPatient(event);
	return {
		packages: await listPortalPackages(db, patientId, actor),
		offer: await listOnlineOffer(db)
	};
};
