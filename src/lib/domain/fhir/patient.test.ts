import { describe, expect, it } from 'vitest';
import { r4Problems } from '../../server/fhir/r4-validator.testing';
import { NAME_REPRESENTATION } from './codes';
import { toFhirPatient, toFhirPractitioner, type PatientRow, type PractitionerRow } from './patient';

const ctx = { origin: 'https://clinic.example' };
const row: PatientRow = {
	id: '0b7f5c1e-0000-4000-8000-000000000001',
	patient_number: 'P-0005',
	family_name: '佐藤',
	given_name: '健',
	family_name_kana: 'サトウ',
	given_name_kana: 'ケン',
	email: 'patient5@example.jp',
	phone: '090-0000-0005',
	date_of_birth: '1971-09-05',
	sex: 'male',
	postal_code: '',
	address: '',
	preferred_locale: 'ja',
	merged_into_id: null
};

describe('toFhirPatient', () => {
	it('writes the kanji and the kana name as two official names, marked ideographic and syllabic', () => {
		const patient = toFhirPatient(row, ctx);
		expect(patient.name).toEqual([
			{ extension: [{ url: NAME_REPRESENTATION, valueCode: 'IDE' }], use: 'official', text: '佐藤 健', family: '佐藤', given: ['健'] },
			{ extension: [{ url: NAME_REPRESENTATION, valueCode: 'SYL' }], use: 'official', text: 'サトウ ケン', family: 'サトウ', given: ['ケン'] }
		]);
		expect(patient).toMatchObject({ gender: 'male', birthDate: '1971-09-05', active: true });
		expect(patient.telecom).toEqual([
			{ system: 'phone', value: '090-0000-0005' },
			{ system: 'email', value: 'patient5@example.jp' }
		]);
		expect(r4Problems(patient)).toEqual([]);
	});

	it('leaves out what is empty, since FHIR strings may not be empty', () => {
		const patient = toFhirPatient(
			{ ...row, email: '', phone: '', family_name_kana: '', given_name_kana: '', date_of_birth: null, sex: '', patient_number: null },
			ctx
		);
		expect(patient.telecom).toBeUndefined();
		expect(patient.name).toHaveLength(1);
		expect(patient.gender).toBe('unknown');
		expect(patient).not.toHaveProperty('birthDate');
		expect(patient).not.toHaveProperty('identifier');
		expect(r4Problems(patient)).toEqual([]);
	});

	it('marks a merged record inactive and points to the survivor', () => {
		const patient = toFhirPatient({ ...row, merged_into_id: 'survivor-1' }, ctx);
		expect(patient.active).toBe(false);
		expect(patient.link).toEqual([{ other: { reference: 'Patient/survivor-1' }, type: 'replaced-by' }]);
	});
});

describe('toFhirPractitioner', () => {
	const practitioner: PractitionerRow = {
		id: 'pr-1',
		family_name_ja: '鈴木',
		given_name_ja: '一郎',
		family_name_en: 'Suzuki',
		given_name_en: 'Ichiro',
		hari_licence: '第12345号',
		kyu_licence: null,
		active: 1
	};

	it('lists each national licence the practitioner holds, and names in kanji and roman letters', () => {
		const resource = toFhirPractitioner(practitioner, ctx);
		expect(resource.qualification).toHaveLength(1);
		expect(resource.qualification![0]!.code.text).toBe('はり師');
		expect(resource.name!.map((n) => n.text)).toEqual(['鈴木 一郎', 'Ichiro Suzuki']);
		expect(r4Problems(resource)).toEqual([]);
	});
});

describe('the R4 validator the tests rely on', () => {
	it('refuses an empty string, an unknown element and a missing required status', () => {
		const patient = toFhirPatient(row, ctx);
		expect(r4Problems({ ...patient, birthDate: '' } as never)).not.toEqual([]);
		expect(r4Problems({ ...patient, nickname: 'Ken' } as never)).not.toEqual([]);
		expect(r4Problems({ resourceType: 'Observation', id: 'o', code: { text: 'x' } } as never)).toEqual(['.status: required by R4']);
	});
});
