import { z } from 'zod';
import { signedConsentView } from '$lib/server/consent/signed-consent-view';
import { actorFrom } from '$lib/server/http/request-context';
import type { PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

const isPatientId = (id: string) => z.uuid().safeParse(id).success;

/** One answer as signed, with the device it came from; a signature of another patient is a 404. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const view = isPatientId(params.id) ? await signedConsentView(locals.db, locals.locale, params.id, params.signatureId, actorFrom(event)) : null;
	if (!view) notFound(locals.locale);
	return { ...view, patientId: params.id };
};
