import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { signedConsentView } from '$lib/server/consent/signed-consent-view';
import { actorFrom } from '$lib/server/http/request-context';
import type { PageServerLoad } from './$types';

const isPatientId = (id: string) => z.uuid().safeParse(id).success;

/** One answer as signed, with the device it came from; a signature of another patient is a 404. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const view = isPatientId(params.id) ? await signedConsentView(locals.db, locals.locale, params.id, params.signatureId, actorFrom(event)) : null;
	if (!view) error(404, translate(locals.locale, 'error.notFoundTitle'));
	return { ...view, patientId: params.id };
};
