import type { Locale } from '../../i18n/locales';
import type { AuditActor } from '../audit/audit-log';
import { findClinic } from '../clinic/clinic-repository';
import type { Db } from '../db/database';
import { getSignature } from './get-signature';
import { signedConsentFile } from './signed-consent-file';
import { CLINIC_DEFAULT_TIME_ZONE } from '../clinic/clinic-settings';

/**
 * One answer as it was signed, with its download, for the portal and the console alike; null
 * when the signature is not this patient's (the pages answer 404). The read is audited.
 */
export async function signedConsentView(db: Db, locale: Locale, patientId: string, signatureId: string, actor: AuditActor) {
	const signed = await getSignature(db, patientId, signatureId, actor);
	if (!signed) return null;
	const clinic = await findClinic(db);
	const timeZone = clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE;
	const patientName = `${signed.patient.familyName} ${signed.patient.givenName}`.trim();
	const file = signedConsentFile({
		locale,
		timeZone,
		clinicName: (locale === 'ja' ? clinic?.name_ja : clinic?.name_en) ?? '',
		patientName,
		document: signed.document,
		signature: signed.signature
	});
	return { timeZone, patientName, document: signed.document, signature: signed.signature, download: { filename: file.filename, href: file.dataUrl } };
}
