import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { findClinic } from '$lib/server/clinic/clinic-repository';
import { getSignature } from '$lib/server/consent/get-signature';
import { portalPatient } from '$lib/server/portal/portal-patient';
import { signedConsentFile } from '$lib/server/consent/signed-consent-file';
import type { PageServerLoad } from './$types';

/** One answer of the signed-in patient, as signed; another patient's id is a plain 404. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const { patientId, actor } = portalPatient(event);
	const signed = await getSignature(locals.db, patientId, params.signatureId, actor);
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
		patientName,
		document: signed.document,
		signature: {
			agreed: signed.signature.agreed,
			signedName: signed.signature.signedName,
			signedAt: signed.signature.signedAt,
			recordedByName: signed.signature.recordedByName
		},
		download: { filename: file.filename, href: file.dataUrl }
	};
};
