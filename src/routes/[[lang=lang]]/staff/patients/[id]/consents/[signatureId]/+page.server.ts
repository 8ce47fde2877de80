import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { findClinic } from '$lib/server/clinic/clinic-repository';
import { getSignature } from '$lib/server/consent/get-signature';
import { signedConsentFile } from '$lib/server/consent/signed-consent-file';
import { actorFrom } from '$lib/server/http/request-context';
import type { PageServerLoad } from './$types';

const isPatientId = (id: string) => z.uuid().safeParse(id).success;

/** One answer as signed, with the device it came from; a signature of another patient is a 404. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const signed = isPatientId(params.id) ? await getSignature(locals.db, params.id, params.signatureId, actorFrom(event)) : null;
	if (!signed) error(404, translate(locals.locale, 'error.notFoundTitle'));
	const clinic = await findClinic(locals.db);
	const timeZone = clinic?.time_zone ?? 'Asia/Tokyo';
	const patientName = `${signed.patient.familyName} ${signed.patient.givenName}`.trim();
	const file = signedConsentFile({
		locale: locals.locale,
		timeZone,
		clinicName: (locals.locale === 'ja' ? clinic?.name_ja : clinic?.name_en) ?? '',
		patientName,
		document: signed.document,
		signature: signed.signature
	});
	return {
		timeZone,
		patientId: params.id,
		patientName,
		document: signed.document,
		signature: signed.signature,
		download: { filename: file.filename, href: file.dataUrl }
	};
};
