import { personName } from '../../domain/patients/person-name';
import type { Locale } from '../../i18n/locales';
import { translate, type MessageKey } from '../../i18n/translate';
import type { Db } from '../db/database';
import { findPatient } from '../patients/patient-repository';
import type { PATIENT_SEXES } from '../patients/schemas';

type PatientSex = (typeof PATIENT_SEXES)[number];

/** Who a clinical document is about: identity and the insurance card as the chart holds them. */
export interface DocumentPatient {
	id: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
	familyNameKana: string;
	givenNameKana: string;
	dateOfBirth: string | null;
	/** '' when not given. */
	sex: string;
	postalCode: string;
	address: string;
	insurance: { insurerNumber: string; symbol: string; number: string; branch: string };
}

/** A live patient by id; null for an unknown or merged record (its history belongs to the survivor). */
export async function findDocumentPatient(db: Db, id: string): Promise<DocumentPatient | null> {
	const row = await findPatient(
		db,
		id,
		[
			'id',
			'patient_number',
			'family_name',
			'given_name',
			'family_name_kana',
			'given_name_kana',
			'date_of_birth',
			'sex',
			'postal_code',
			'address',
			'insurer_number',
			'insurance_symbol',
			'insurance_number',
			'insurance_branch'
		],
		{ live: true }
	);
	if (!row) return null;
	return {
		id: row.id,
		patientNumber: row.patient_number,
		familyName: row.family_name,
		givenName: row.given_name,
		familyNameKana: row.family_name_kana,
		givenNameKana: row.given_name_kana,
		dateOfBirth: row.date_of_birth,
		sex: row.sex,
		postalCode: row.postal_code,
		address: row.address,
		insurance: { insurerNumber: row.insurer_number, symbol: row.insurance_symbol, number: row.insurance_number, branch: row.insurance_branch }
	};
}

export function patientName(patient: Pick<DocumentPatient, 'familyName' | 'givenName'>, locale: Locale): string {
	return personName(patient, locale);
}

/** The patient's sex in words (typed label map, issue #21); unanswered ('') is left off the document. */
const SEX_LABELS: Record<Exclude<PatientSex, ''>, MessageKey> = {
	female: 'patients.sex.female',
	male: 'patients.sex.male',
	other: 'patients.sex.other'
};

/** The rows that identify the patient on a document: name and number, reading, birth date, and sex when known. */
export function patientIdentityRows(patient: DocumentPatient, locale: Locale): Array<readonly [string, string]> {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
	const number = patient.patientNumber ? t('list.inParentheses', { text: patient.patientNumber }) : '';
	const reading = `${patient.familyNameKana} ${patient.givenNameKana}`.trim();
	const rows: Array<readonly [string, string]> = [[t('documents.patient'), `${patientName(patient, locale)}${number}`]];
	if (reading) rows.push([t('documents.reading'), reading]);
	rows.push([t('documents.dateOfBirth'), patient.dateOfBirth ?? '—']);
	if (patient.sex && Object.hasOwn(SEX_LABELS, patient.sex)) rows.push([t('patients.sex'), t(SEX_LABELS[patient.sex as Exclude<PatientSex, ''>])]);
	return rows;
}
