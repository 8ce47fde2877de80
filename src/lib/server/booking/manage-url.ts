import { localizePath, type Locale } from '../../i18n/locales';

/** The patient's link to view, move or cancel an appointment; the token is its only key. */
export function manageUrl(origin: string, locale: Locale, token: string): string {
	return new URL(localizePath(`/booking/${token}`, locale), origin).toString();
}
