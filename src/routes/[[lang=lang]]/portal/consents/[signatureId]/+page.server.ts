import { signedConsentView } from '$lib/server/consent/signed-consent-view';
import { portalPatient } from '$lib/server/portal/portal-patient';
import type { PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** One answer of the signed-in patient, as signed; another patient's id is a plain 404. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const { patientId, actor } = portalPatient(event);
	const view = await signedConsentView(locals.db, locals.locale, patientId, params.signatureId, actor);
	if (!view) notFound(locals.locale);
	const { agreed, signedName, signedAt, recordedByName, channel } = view.signature;
	// The patient sees what they signed, not the device details the clinic keeps.
	return { ...view, signature: { agreed, signedName, signedAt, recordedByName, channel } };
};
