import type { Locale } from '../../i18n/locales';
import type { Clinic, Service } from '../db/schema';

const SCHEMA_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The clinic for search engines, as schema.org data built from the clinic's own settings.
 *
 * The type is `MedicalBusiness` ("a particular physical or virtual business of an organization
 * for medical purposes … businesses run by health professionals"), not `MedicalClinic`, whose
 * definition is a facility for diagnosis and medical care and so reads as a doctor's clinic
 * (診療所). A 鍼灸院 is run by licensed はり師・きゅう師 who neither diagnose nor prescribe. Its
 * menu is given as offers (`makesOffer`, which every organization has), because `availableService`
 * belongs only to `MedicalClinic`, `Hospital` and `Physician`.
 */
export function clinicJsonLd(
	clinic: Clinic,
	hours: ReadonlyArray<{ weekday: number; opens: string; closes: string }>,
	services: readonly Service[],
	locale: Locale,
	url: string
): string {
	const data = {
		'@context': 'https://schema.org',
		'@type': 'MedicalBusiness',
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
		makesOffer: services
			.filter((s) => !s.is_add_on)
			.map((s) => ({
				'@type': 'Offer',
				itemOffered: { '@type': 'Service', name: locale === 'ja' ? s.name_ja : s.name_en },
				price: s.price_jpy,
				priceCurrency: 'JPY'
			})),
		currenciesAccepted: 'JPY'
	};
	// `<` is escaped so the JSON can never close the script element it sits in.
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
