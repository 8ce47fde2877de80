/* Patient and Practitioner from their rows (pure). Names follow JP Core: kanji and kana as two names. */
import { BCP_47, compact, localCoding, localSystem, NAME_REPRESENTATION, present, referenceTo, type FhirContext } from './codes';
import type { ContactPoint, HumanName, Patient, Practitioner } from './types';

export interface PatientRow {
	id: string;
	patient_number: string | null;
	family_name: string;
	given_name: string;
	family_name_kana: string;
	given_name_kana: string;
	email: string;
	phone: string;
	date_of_birth: string | null;
	sex: string;
	postal_code: string;
	address: string;
	preferred_locale: 'ja' | 'en';
	merged_into_id: string | null;
}

export interface PractitionerRow {
	id: string;
	family_name_ja: string;
	given_name_ja: string;
	family_name_en: string;
	given_name_en: string;
	hari_licence: string | null;
	kyu_licence: string | null;
	active: number;
}

type Representation = 'IDE' | 'SYL' | 'ABC';

/** One name in one script; undefined when both parts are empty. */
function nameIn(representation: Representation, family: string, given: string, text: string | undefined): HumanName | undefined {
	const familyName = present(family);
	const givenName = present(given);
	if (!familyName && !givenName) return undefined;
	return compact({
		extension: [{ url: NAME_REPRESENTATION, valueCode: representation }],
		use: 'official' as const,
		text,
		family: familyName,
		given: givenName ? [givenName] : undefined
	});
}

const GENDERS: Record<string, Patient['gender']> = { female: 'female', male: 'male', other: 'other' };

export function toFhirPatient(row: PatientRow, ctx: FhirContext): Patient {
	const kanjiText = present(`${row.family_name} ${row.given_name}`);
	const kanaText = present(`${row.family_name_kana} ${row.given_name_kana}`);
	const names = [nameIn('IDE', row.family_name, row.given_name, kanjiText), nameIn('SYL', row.family_name_kana, row.given_name_kana, kanaText)].filter(
		(n): n is HumanName => n !== undefined
	);
	const telecom: ContactPoint[] = [];
	const phone = present(row.phone);
	const email = present(row.email);
	if (phone) telecom.push({ system: 'phone', value: phone });
	if (email) telecom.push({ system: 'email', value: email });
	const number = present(row.patient_number);
	const address = present(row.address);
	const postalCode = present(row.postal_code);
	return compact({
		resourceType: 'Patient' as const,
		id: row.id,
		identifier: number ? [{ system: localSystem(ctx, 'patient-number'), value: number }] : undefined,
		// A merged record stays readable but points at the survivor, which holds the history.
		active: row.merged_into_id === null,
		name: names,
		telecom: telecom.length > 0 ? telecom : undefined,
		gender: GENDERS[row.sex] ?? 'unknown',
		birthDate: present(row.date_of_birth),
		address: address || postalCode ? [compact({ text: address, postalCode, country: 'JP' })] : undefined,
		communication: [{ language: { coding: [{ system: BCP_47, code: row.preferred_locale }] }, preferred: true }],
		link: row.merged_into_id ? [{ other: referenceTo('Patient', row.merged_into_id), type: 'replaced-by' as const }] : undefined
	});
}

export function toFhirPractitioner(row: PractitionerRow, ctx: FhirContext): Practitioner {
	const names = [
		nameIn('IDE', row.family_name_ja, row.given_name_ja, present(`${row.family_name_ja} ${row.given_name_ja}`)),
		nameIn('ABC', row.family_name_en, row.given_name_en, present(`${row.given_name_en} ${row.family_name_en}`))
	].filter((n): n is HumanName => n !== undefined);
	const qualification: NonNullable<Practitioner['qualification']> = [];
	// はり師 and きゅう師 are separate national licences; each permits its own technique (docs/clinical-rules.md §6).
	const hari = present(row.hari_licence);
	const kyu = present(row.kyu_licence);
	if (hari) qualification.push({ identifier: [{ value: hari }], code: { coding: [localCoding(ctx, 'qualification', 'hari', 'はり師')], text: 'はり師' } });
	if (kyu) qualification.push({ identifier: [{ value: kyu }], code: { coding: [localCoding(ctx, 'qualification', 'kyu', 'きゅう師')], text: 'きゅう師' } });
	return compact({
		resourceType: 'Practitioner' as const,
		id: row.id,
		active: row.active === 1,
		name: names,
		qualification: qualification.length > 0 ? qualification : undefined
	});
}
