import { sql } from 'kysely';
import { normaliseText, romajiKey, toKatakana } from '../../domain/patients/normalise';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';

export const SEARCH_LIMIT = 50;

export interface PatientSummary {
	id: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
	familyNameKana: string;
	givenNameKana: string;
	dateOfBirth: string | null;
	phone: string;
}

export type PatientQuery =
	| { kind: 'number'; value: string }
	| { kind: 'date_of_birth'; value: string }
	| { kind: 'phone'; value: string }
	| { kind: 'romaji'; value: string }
	| { kind: 'name'; value: string; kana: string };

/** What the desk typed, read as the one key it most likely is. Null when there is nothing to look for. */
export function readPatientQuery(input: string): PatientQuery | null {
	const q = normaliseText(input);
	if (q === '') return null;
	if (/^P\d+$/i.test(q)) return { kind: 'number', value: q.toUpperCase() };
	const date = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(q);
	if (date && /^(19|20)/.test(q) && (q.includes('-') || q.length === 8)) return { kind: 'date_of_birth', value: `${date[1]}-${date[2]}-${date[3]}` };
	const digits = q.replace(/[-‐‑‒–—―−ー\s()+]/g, '');
	if (/^\d{3,}$/.test(digits) && /^[\d\s()+\-‐‑‒–—―−ー]+$/.test(q)) return { kind: 'phone', value: digits };
	if (/^[a-z][a-z\s'.-]*$/i.test(q)) {
		const key = romajiKey(q);
		return key === '' ? null : { kind: 'romaji', value: key };
	}
	const compact = q.replace(/\s+/g, '');
	return { kind: 'name', value: compact, kana: toKatakana(compact) };
}

const likePrefix = (text: string) => sql<string>`${`${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
const likeAnywhere = (text: string) => sql<string>`${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;

/**
 * The register's search box: kana or kanji name prefix, romaji prefix, phone digits, date of
 * birth or patient number. Searching shows personal data, so every search is audited; the query
 * itself may be a name or a phone number and is never written to the log, only its length.
 */
export async function searchPatients(db: Db, input: string, actor: AuditActor): Promise<PatientSummary[]> {
	const query = readPatientQuery(input);
	if (!query) return [];
	const rows = await db.kysely
		.selectFrom('patient')
		.select(['id', 'patient_number', 'family_name', 'given_name', 'family_name_kana', 'given_name_kana', 'date_of_birth', 'phone'])
		.where((eb) => {
			switch (query.kind) {
				case 'number':
					return eb('patient_number', '=', query.value);
				case 'date_of_birth':
					return eb('date_of_birth', '=', query.value);
				case 'phone':
					return eb(sql<string>`replace(replace(replace(replace(replace(phone, '-', ''), ' ', ''), '+', ''), '(', ''), ')', '')`, 'like', likeAnywhere(query.value));
				case 'romaji':
					return eb('romaji_key', 'like', likePrefix(query.value));
				case 'name':
					return eb.or([
						eb(sql<string>`family_name_kana || given_name_kana`, 'like', likePrefix(query.kana)),
						eb('given_name_kana', 'like', likePrefix(query.kana)),
						eb(sql<string>`family_name || given_name`, 'like', likePrefix(query.value)),
						eb('given_name', 'like', likePrefix(query.value))
					]);
			}
		})
		.orderBy('family_name_kana')
		.orderBy('given_name_kana')
		.orderBy('family_name')
		.orderBy('id')
		.limit(SEARCH_LIMIT)
		.execute();
	await recordAudit(db, actor, { action: 'patient.search', detail: { kind: query.kind, queryLength: normaliseText(input).length, results: rows.length } });
	return rows.map((r) => ({
		id: r.id,
		patientNumber: r.patient_number,
		familyName: r.family_name,
		givenName: r.given_name,
		familyNameKana: r.family_name_kana,
		givenNameKana: r.given_name_kana,
		dateOfBirth: r.date_of_birth,
		phone: r.phone
	}));
}
