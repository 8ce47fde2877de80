import { sql, type SqlBool } from 'kysely';
import { normaliseText, romajiKey, toKatakana } from '../../domain/patients/normalise';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db, DialectName } from '../db/database';

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

/**
 * Every prefix search is a range on an index, not a LIKE: SQLite's LIKE ignores ASCII case and so
 * cannot use the ordinary indexes, and PostgreSQL's range must compare bytes (`collate "C"`) to
 * mean "starts with" under any database locale. U+10FFFF sorts after every character in UTF-8.
 * The expressions match migration 0008's indexes character for character.
 */
const AFTER_EVERY_CHARACTER = '\u{10FFFF}';

/** Digits of the stored phone: the register keeps '090-1234-5678', older rows may have spaces. */
export const PHONE_DIGITS = "replace(replace(replace(replace(replace(phone, '-', ''), ' ', ''), '+', ''), '(', ''), ')', '')";

/** Digits typed for a phone search that name the end of a number (the desk's 下4桁). */
const PHONE_SUFFIX_DIGITS = 4;

function searchable(dialect: DialectName, expression: string) {
	return sql.raw(dialect === 'postgres' ? `(${expression}) collate "C"` : `(${expression})`);
}

function startsWith(dialect: DialectName, expression: string, prefix: string) {
	const column = searchable(dialect, expression);
	return sql<SqlBool>`${column} >= ${prefix} and ${column} < ${prefix + AFTER_EVERY_CHARACTER}`;
}

/** The last `count` digits of the stored phone, as each engine writes it (PostgreSQL's substr takes no negative start). */
function lastPhoneDigits(dialect: DialectName, count: number) {
	const n = Math.trunc(count);
	return sql.raw(dialect === 'postgres' ? `right(${PHONE_DIGITS}, ${n})` : `substr(${PHONE_DIGITS}, -${n})`);
}

/**
 * The stored phone has exactly these digits ('09000000001' finds '090-0000-0001'): the last four
 * are an index look-up, the rest a check on the few rows it finds.
 */
export function phoneDigitsEqual(dialect: DialectName, digits: string) {
	return sql<SqlBool>`(${lastPhoneDigits(dialect, PHONE_SUFFIX_DIGITS)} = ${digits.slice(-PHONE_SUFFIX_DIGITS)} and ${sql.raw(PHONE_DIGITS)} = ${digits})`;
}

/**
 * The number's beginning, or, from 4 digits, its end: both index look-ups. (No LIKE: SQLite would
 * prepare the statement afresh for every pattern.)
 */
function phoneMatches(dialect: DialectName, digits: string) {
	const prefix = startsWith(dialect, PHONE_DIGITS, digits);
	if (digits.length < PHONE_SUFFIX_DIGITS) return prefix;
	const lastFour = lastPhoneDigits(dialect, PHONE_SUFFIX_DIGITS);
	const suffix =
		digits.length === PHONE_SUFFIX_DIGITS
			? sql<SqlBool>`${lastFour} = ${digits}`
			: sql<SqlBool>`${lastFour} = ${digits.slice(-PHONE_SUFFIX_DIGITS)} and ${lastPhoneDigits(dialect, digits.length)} = ${digits}`;
	return sql<SqlBool>`((${prefix}) or (${suffix}))`;
}

/**
 * The register's search box: kana or kanji name prefix, romaji prefix, the beginning or end of a
 * phone number, date of birth or patient number. Searching shows personal data, so every search
 * is audited; the query itself may be a name or a phone number and is never written to the log,
 * only its length.
 * Records merged into another are left out: their history lives on the survivor.
 */
export async function searchPatients(db: Db, input: string, actor: AuditActor): Promise<PatientSummary[]> {
	const query = readPatientQuery(input);
	if (!query) return [];
	// The matches are gathered first (a materialized CTE), then sorted: otherwise PostgreSQL may walk
	// the whole kana index in display order, filtering as it goes, for a common romaji prefix
	// (measured: 45-75 ms instead of 1-2 ms on 100,000 patients, bench/patients.ts).
	const matches = db.kysely
		.selectFrom('patient')
		.select(['id', 'patient_number', 'family_name', 'given_name', 'family_name_kana', 'given_name_kana', 'date_of_birth', 'phone'])
		.where('merged_into_id', 'is', null)
		.where((eb) => {
			switch (query.kind) {
				case 'number':
					return eb('patient_number', '=', query.value);
				case 'date_of_birth':
					return eb('date_of_birth', '=', query.value);
				case 'phone':
					return phoneMatches(db.dialect, query.value);
				case 'romaji':
					return startsWith(db.dialect, 'romaji_key', query.value);
				case 'name':
					return eb.or([
						startsWith(db.dialect, 'family_name_kana || given_name_kana', query.kana),
						startsWith(db.dialect, 'given_name_kana', query.kana),
						startsWith(db.dialect, 'family_name || given_name', query.value),
						startsWith(db.dialect, 'given_name', query.value)
					]);
			}
		});
	const rows = await db.kysely
		.with(
			(cte) => cte('matches').materialized(),
			() => matches
		)
		.selectFrom('matches')
		.selectAll()
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
