import type { Locale } from '../../i18n/locales';
import type { Translate } from '../../i18n/translate';
import type { Db } from '../db/database';
import { findStaffCredentials } from '../staff/staff-repository';

/** A practitioner as a signed document names them: with the licence numbers (docs/clinical-rules.md §6). */
export interface PractitionerCredentials {
	name: string;
	hariLicence: string | null;
	kyuLicence: string | null;
}

interface CredentialColumns {
	display_name: string;
	family_name_ja: string | null;
	given_name_ja: string | null;
	family_name_en: string | null;
	given_name_en: string | null;
	hari_licence: string | null;
	kyu_licence: string | null;
}

/** From a staff row left-joined to its practitioner row; staff without one keep their display name. */
export function credentialsFrom(row: CredentialColumns, locale: Locale): PractitionerCredentials {
	const name =
		locale === 'ja'
			? row.family_name_ja && `${row.family_name_ja} ${row.given_name_ja ?? ''}`.trim()
			: row.family_name_en && `${row.given_name_en ?? ''} ${row.family_name_en}`.trim();
	return { name: name || row.display_name, hariLicence: row.hari_licence, kyuLicence: row.kyu_licence };
}

/** What credentialsFrom reads, from `staff` joined with its active `practitioner` row. */
export { CREDENTIAL_SELECTION } from '../staff/staff-repository';

/** The staff member who signs a letter; null for an actor that is not staff. */
export async function findSigner(db: Db, staffId: string | null, locale: Locale): Promise<PractitionerCredentials | null> {
	if (!staffId) return null;
	const row = await findStaffCredentials(db, staffId);
	return row ? credentialsFrom(row, locale) : null;
}

/** はり師 第900201号・きゅう師 第900202号, or "none registered". */
export function licenceText(t: Translate, credentials: Pick<PractitionerCredentials, 'hariLicence' | 'kyuLicence'>): string {
	const licences = [
		credentials.hariLicence && `${t('treatmentSession.tech.licence.hari')} ${credentials.hariLicence}`,
		credentials.kyuLicence && `${t('treatmentSession.tech.licence.kyu')} ${credentials.kyuLicence}`
	].filter(Boolean);
	return licences.length > 0 ? licences.join(t('treatmentSession.tech.licenceSeparator')) : t('treatmentSession.tech.licence.none');
}
