import { listAftercareNotes } from '$lib/server/aftercare/list-aftercare-notes';
import { portalPatient } from '$lib/server/portal/portal-patient';
import { progressSummary } from '$lib/server/outcomes/progress-summary';
import type { PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

export const load: PageServerLoad = async (event) => {
	const { db } = event.locals;
	const { patientId, actor } = portalPatient(event);
	const progress = await progressSummary(db, patientId, actor);
	const notes = await listAftercareNotes(db, patientId, { sharedOnly: true }, actor);
	return {
		timeZone: await recentClinicTimeZone(db),
		progress,
		notes: notes.map((n) => ({ id: n.id, createdAt: n.createdAt, body: n.body, authorName: n.authorName }))
	};
};
