import type { Locale } from '../../i18n/locales';
import type { Clinic, Service } from '../db/schema';

const SCHEMA_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** schema.org `MedicalClinic` for search engines, built from the clinic's own settings. */
export function clinicJsonLd(
	clinic: Clinic,
	hours: ReadonlyArray<{ weekday: number; opens: string; closes: string }>,
	services: readonly Service[],
	locale: Locale,
	url: string
): string {
	const data = {
		'@context': 'https://schema.org',
		'@type': 'MedicalClinic',
		name: locale === 'ja' ? clinic.name_ja : clinic.name_en,
		url,
		telephone: clinic.phone || undefined,
		address: {
			'@type': 'PostalAddress',
			postalCode: clinic.postal_code,
			streetAddress: locale === 'ja' ? clinic.address_ja : clinic.address_en,
			addressCountry: 'JP'
		},
		openingHoursSpecification: hours.map((h) => ({
			'@type': 'OpeningHoursSpecification',
			dayOfWeek: `https://schema.org/${SCHEMA_DAYS[h.weekday]}`,
			opens: h.opens,
			closes: h.closes
		})),
		availableService: services
			.filter((s) => !s.is_add_on)
			.map((s) => ({ '@type': 'MedicalTherapy', name: locale === 'ja' ? s.name_ja : s.name_en })),
		currenciesAccepted: 'JPY'
	};
	// `<` is escaped so the JSON can never close the script element it sits in.
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
