import { findClinic } from '$lib/server/clinic/clinic-repository';
import { listAftercareNotes } from '$lib/server/aftercare/list-aftercare-notes';
import { portalPatient } from '$lib/server/portal/portal-patient';
import { progressSummary } from '$lib/server/outcomes/progress-summary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db } = event.locals;
	const { patientId, actor } = portalPatient(event);
	const progress = await progressSummary(db, patientId, actor);
	const notes = await listAftercareNotes(db, patientId, { sharedOnly: true }, actor);
	return {
		timeZone: (await findClinic(db))?.time_zone ?? 'Asia/Tokyo',
		progress,
		notes: notes.map((n) => ({ id: n.id, createdAt: n.createdAt, body: n.body, authorName: n.authorName }))
	};
};
