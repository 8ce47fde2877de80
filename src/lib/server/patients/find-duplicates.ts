import { sql, type Expression, type SqlBool } from 'kysely';
import { duplicateReasons, phoneKey, type DuplicateReason } from '../../domain/patients/duplicates';
import type { Db } from '../db/database';
import { PHONE_DIGITS, phoneDigitsEqual, type PatientSummary } from './search-patients';

/** What the desk compares side by side to decide whether two records are one person. */
export interface DuplicateCard extends PatientSummary {
	email: string;
	createdAt: string;
}

export interface DuplicateMatch {
	patient: DuplicateCard;
	reasons: DuplicateReason[];
}

export interface DuplicatePair {
	/** The older record (lower patient number) first: usually the one to keep. */
	first: DuplicateCard;
	second: DuplicateCard;
	reasons: DuplicateReason[];
}

const CARD_COLUMNS = [
	'id',
	'patient_number',
	'family_name',
	'given_name',
	'family_name_kana',
	'given_name_kana',
	'date_of_birth',
	'phone',
	'email',
	'created_at'
] as const;

interface CardRow {
	id: string;
	patient_number: string | null;
	family_name: string;
	given_name: string;
	family_name_kana: string;
	given_name_kana: string;
	date_of_birth: string | null;
	phone: string;
	email: string;
	created_at: string;
}

function toCard(r: CardRow): DuplicateCard {
	return {
		id: r.id,
		patientNumber: r.patient_number,
		familyName: r.family_name,
		givenName: r.given_name,
		familyNameKana: r.family_name_kana,
		givenNameKana: r.given_name_kana,
		dateOfBirth: r.date_of_birth,
		phone: r.phone,
		email: r.email,
		createdAt: r.created_at
	};
}

/** Older record first: by patient number, then creation, then id. */
function olderFirst(a: DuplicateCard, b: DuplicateCard): number {
	const na = a.patientNumber ?? '\uffff';
	const nb = b.patientNumber ?? '\uffff';
	if (na !== nb) return na < nb ? -1 : 1;
	if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const NAME = sql<string>`family_name || given_name`;
const KANA = sql<string>`family_name_kana || given_name_kana`;

/** The record the duplicate search starts from: its card, and whether it was merged into another. */
export interface DuplicateSource extends DuplicateCard {
	mergedIntoId: string | null;
}

async function readSource(db: Db, patientId: string): Promise<DuplicateSource | undefined> {
	const row = await db.kysely
		.selectFrom('patient')
		.select([...CARD_COLUMNS, 'merged_into_id'])
		.where('id', '=', patientId)
		.executeTakeFirst();
	return row && { ...toCard(row), mergedIntoId: row.merged_into_id };
}

/**
 * The live records that may be the same person as `patientId`, with the reasons. Each rule is an
 * indexed look-up (e-mail, phone, date of birth), so this is cheap enough for every chart open.
 * Empty for an unknown or merged record. A caller that has read the record already (the chart,
 * its `PatientRecord`) passes it as `known`, and only the other records are read.
 */
export async function duplicatesOf(db: Db, patientId: string, known?: DuplicateSource): Promise<DuplicateMatch[]> {
	const self = known ?? (await readSource(db, patientId));
	if (!self || self.mergedIntoId !== null) return [];
	const email = self.email.trim();
	const name = `${self.familyName}${self.givenName}`;
	const kana = `${self.familyNameKana}${self.givenNameKana}`;
	const rows = await db.kysely
		.selectFrom('patient')
		.select(CARD_COLUMNS)
		.where('id', '<>', patientId)
		.where('merged_into_id', 'is', null)
		.where((eb) => {
			const terms: Expression<SqlBool>[] = [];
			if (email !== '' && self.dateOfBirth) {
				terms.push(eb.and([eb('email', 'in', [...new Set([email, email.toLowerCase()])]), eb('date_of_birth', '=', self.dateOfBirth)]));
			}
			const phone = phoneKey(self.phone);
			if (phone !== '') {
				const sameName = [eb(NAME, '=', name)];
				if (kana !== '') sameName.push(eb(KANA, '=', kana));
				terms.push(eb.and([phoneDigitsEqual(db.dialect, phone), eb.or(sameName)]));
			}
			if (kana !== '' && self.dateOfBirth) terms.push(eb.and([eb('date_of_birth', '=', self.dateOfBirth), eb(KANA, '=', kana)]));
			return terms.length > 0 ? eb.or(terms) : eb.val(false);
		})
		.limit(100)
		.execute();
	return rows
		.map((r) => ({ patient: toCard(r), reasons: duplicateReasons(self, toCard(r)) }))
		.filter((m) => m.reasons.length > 0)
		.sort((a, b) => olderFirst(a.patient, b.patient));
}

/** Phones compare by their digits: '09000000001' and '090-0000-0001' are one number (issue #16). */
const PHONE = sql.raw(PHONE_DIGITS);

/**
 * Records that share one of the rule's keys with another live record: one grouping per key, each
 * a window count over the register, never a comparison of every record with every other.
 */
const GROUPINGS = [
	{ keys: [sql`lower(email)`, sql`date_of_birth`], where: sql`email <> '' and date_of_birth is not null` },
	{ keys: [PHONE, sql`family_name || given_name`], where: sql`${PHONE} <> ''` },
	{ keys: [PHONE, sql`family_name_kana || given_name_kana`], where: sql`${PHONE} <> '' and family_name_kana || given_name_kana <> ''` },
	{ keys: [sql`family_name_kana || given_name_kana`, sql`date_of_birth`], where: sql`family_name_kana || given_name_kana <> '' and date_of_birth is not null` }
];

/** Most members a shared key may have before it is treated as noise (e.g. a clinic's own phone). */
const GROUP_MAX = 20;
/** Ids per `in (…)` list when the cards are read. */
const IDS_PER_READ = 500;

/**
 * Pairs of live records that may be one person, older record first, ordered by the older
 * record's number; at most `limit` pairs. The groupings carry only ids and keys through their
 * sorts; the few records in a group are read afterwards.
 */
export async function listPossibleDuplicates(db: Db, limit: number): Promise<DuplicatePair[]> {
	const groups = new Map<string, string[]>();
	for (const [index, grouping] of GROUPINGS.entries()) {
		const [first, second] = grouping.keys;
		const { rows } = await sql<{ id: string; k1: string; k2: string }>`
			select id, k1, k2 from (
				select id, ${first} as k1, ${second} as k2, count(*) over (partition by ${first}, ${second}) as members
				from patient
				where merged_into_id is null and ${grouping.where}
			) grouped
			where members > 1 and members <= ${GROUP_MAX}
		`.execute(db.kysely);
		for (const row of rows) {
			const key = `${index}\u0000${row.k1}\u0000${row.k2}`;
			const members = groups.get(key) ?? [];
			members.push(row.id);
			groups.set(key, members);
		}
	}
	const ids = [...new Set([...groups.values()].flat())];
	const cards = new Map<string, DuplicateCard>();
	for (let i = 0; i < ids.length; i += IDS_PER_READ) {
		const rows = await db.kysely
			.selectFrom('patient')
			.select(CARD_COLUMNS)
			.where('id', 'in', ids.slice(i, i + IDS_PER_READ))
			.execute();
		for (const row of rows) cards.set(row.id, toCard(row));
	}
	const pairs = new Map<string, DuplicatePair>();
	for (const members of groups.values()) {
		for (let i = 0; i < members.length; i++) {
			for (let j = i + 1; j < members.length; j++) {
				const a = cards.get(members[i]!);
				const b = cards.get(members[j]!);
				if (!a || !b) continue; // merged or changed between the two reads
				const [first, second] = [a, b].sort(olderFirst) as [DuplicateCard, DuplicateCard];
				const key = `${first.id}|${second.id}`;
				if (pairs.has(key)) continue;
				const reasons = duplicateReasons(first, second);
				if (reasons.length > 0) pairs.set(key, { first, second, reasons });
			}
		}
	}
	return [...pairs.values()].sort((a, b) => olderFirst(a.first, b.first) || olderFirst(a.second, b.second)).slice(0, limit);
}
