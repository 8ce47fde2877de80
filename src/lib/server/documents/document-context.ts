import type { Locale } from '../../i18n/locales';
import { translate, type Translate } from '../../i18n/translate';
import { findClinic } from '../clinic/clinic-repository';
import type { Db } from '../db/database';
import { CLINIC_DEFAULT_TIME_ZONE } from '../clinic/clinic-settings';
import { instantFormat, type InstantStyle } from '../../format';

/** What every clinical document needs besides its content: words, dates in the clinic's zone, the letterhead. */
export interface DocumentContext {
	locale: Locale;
	t: Translate;
	timeZone: string;
	clinicName: string;
	/** Name, postal address and phone, one per line; empty lines left out. */
	letterhead: string;
	/** 2026/03/02 or 2 Mar 2026. */
	date: (iso: string) => string;
	/** 2026年3月2日月曜日 or Monday 2 March 2026. */
	longDate: (iso: string) => string;
	time: (iso: string) => string;
	dateTime: (iso: string) => string;
}

export async function documentContext(db: Db, locale: Locale): Promise<DocumentContext> {
	const clinic = await findClinic(db);
	const timeZone = clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE;
	const format = (style: InstantStyle) => {
		const formatter = instantFormat(locale, timeZone, style);
		return (iso: string) => formatter.format(iso);
	};
	const clinicName = clinic ? (locale === 'ja' ? clinic.name_ja : clinic.name_en) : '';
	const address = clinic ? (locale === 'ja' ? clinic.address_ja : clinic.address_en) : '';
	const postal = clinic?.postal_code ? `〒${clinic.postal_code} ` : '';
	return {
		locale,
		t: (key, params) => translate(locale, key, params),
		timeZone,
		clinicName,
		letterhead: [clinicName, address ? `${postal}${address}` : '', clinic?.phone ? `TEL ${clinic.phone}` : ''].filter(Boolean).join('\n'),
		date: format({ dateStyle: 'medium' }),
		longDate: format({ dateStyle: 'full' }),
		time: format({ timeStyle: 'short' }),
		dateTime: format({ dateStyle: 'medium', timeStyle: 'short' })
	};
}
