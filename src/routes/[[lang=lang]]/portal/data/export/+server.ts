
import { patientActor } from '$lib/server/portal/portal-patient';
import { exportPatientData } from '$lib/server/portal/export-patient-data';
import type { RequestHandler } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** "Download my data" (APPI disclosure): one JSON file of everything held about the signed-in patient. */
export const GET: RequestHandler = async (event) => {
	const { locals } = event;
	// The route is for signed-in patients only (route-access), so the session is there.
	const patientId = locals.patientSession!.patientId;
	const now = locals.db.clock.now();
	const data = await exportPatientData(locals.db, patientId, patientActor(event, patientId), now);
	if (!data) notFound(locals.locale);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="my-data-${now.toISOString().slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
};
