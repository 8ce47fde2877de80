import { sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import type { WeeklyPeriod } from '../../domain/scheduling/availability';
import { MAX_TOKEN_LENGTH } from './tokens';
import { getClinic } from '../clinic/clinic-repository';

type Names = { ja: string; en: string };

export interface WaitlistEntryView {
	id: string;
	status: 'waiting' | 'booked' | 'left';
	service: Names;
	practitioner: Names | null;
	from: string;
	to: string;
	times: WeeklyPeriod[];
	createdAt: string;
	locale: 'ja' | 'en';
	timeZone: string;
}

export interface WaitlistOfferView {
	id: string;
	status: 'offered' | 'accepted' | 'declined' | 'expired';
	start: string;
	end: string;
	expiresAt: string;
	service: Names;
	practitioner: Names;
	locale: 'ja' | 'en';
	timeZone: string;
}

export interface DeskWaitlistRow extends Omit<WaitlistEntryView, 'timeZone' | 'locale'> {
	patient: { id: string; familyName: string; givenName: string; phone: string };
	/** The open offer's hold end, when one is out. */
	offeredUntil: string | null;
}

const entryColumns = [
	'e.id',
	'e.status',
	'e.date_from',
	'e.date_to',
	'e.times',
	'e.created_at',
	'e.locale',
	'service.name_ja as service_ja',
	'service.name_en as service_en',
	'pr.family_name_ja',
	'pr.given_name_ja',
	'pr.family_name_en',
	'pr.given_name_en'
] as const;

function practitionerNames(r: {
	family_name_ja: string | null;
	given_name_ja: string | null;
	family_name_en: string | null;
	given_name_en: string | null;
}): Names | null {
	if (r.family_name_ja === null) return null;
	return { ja: `${r.family_name_ja} ${r.given_name_ja}`, en: `${r.given_name_en} ${r.family_name_en}` };
}

/** The entry behind a waiting-list manage token, or undefined. */
export async function findEntryByToken(db: Db, token: string): Promise<WaitlistEntryView | undefined> {
	if (!token || token.length > MAX_TOKEN_LENGTH) return undefined;
	const row = await db.kysely
		.selectFrom('waitlist_entry as e')
		.innerJoin('service', 'service.id', 'e.service_id')
		.leftJoin('practitioner as pr', 'pr.id', 'e.practitioner_id')
		.select(entryColumns)
		.where('e.manage_token_hash', '=', sha256Hex(token))
		.executeTakeFirst();
	if (!row) return undefined;
	const clinic = await getClinic(db);
	return {
		id: row.id,
		status: row.status,
		service: { ja: row.service_ja, en: row.service_en },
		practitioner: practitionerNames(row),
		from: row.date_from,
		to: row.date_to,
		times: JSON.parse(row.times),
		createdAt: row.created_at,
		locale: row.locale,
		timeZone: clinic.time_zone
	};
}

/** The offer behind an offer link, or undefined. */
export async function findOfferByToken(db: Db, token: string): Promise<WaitlistOfferView | undefined> {
	if (!token || token.length > MAX_TOKEN_LENGTH) return undefined;
	const row = await db.kysely
		.selectFrom('waitlist_offer as o')
		.innerJoin('waitlist_entry as e', 'e.id', 'o.entry_id')
		.innerJoin('appointment as a', 'a.id', 'o.appointment_id')
		.innerJoin('service', 'service.id', 'e.service_id')
		.innerJoin('practitioner as pr', 'pr.id', 'o.practitioner_id')
		.select([
			'o.id',
			'o.status',
			'o.starts_at',
			'o.expires_at',
			'a.ends_at',
			'e.locale',
			'service.name_ja as service_ja',
			'service.name_en as service_en',
			'pr.family_name_ja',
			'pr.given_name_ja',
			'pr.family_name_en',
			'pr.given_name_en'
		])
		.where('o.token_hash', '=', sha256Hex(token))
		.executeTakeFirst();
	if (!row) return undefined;
	const clinic = await getClinic(db);
	return {
		id: row.id,
		status: row.status,
		start: row.starts_at,
		end: row.ends_at,
		expiresAt: row.expires_at,
		service: { ja: row.service_ja, en: row.service_en },
		practitioner: practitionerNames(row)!,
		locale: row.locale,
		timeZone: clinic.time_zone
	};
}

/** The desk's list: everyone still waiting, longest-waiting first. */
export async function listWaitlist(db: Db): Promise<DeskWaitlistRow[]> {
	const rows = await db.kysely
		.selectFrom('waitlist_entry as e')
		.innerJoin('service', 'service.id', 'e.service_id')
		.innerJoin('patient as p', 'p.id', 'e.patient_id')
		.leftJoin('practitioner as pr', 'pr.id', 'e.practitioner_id')
		.leftJoin('waitlist_offer as o', (join) => join.onRef('o.entry_id', '=', 'e.id').on('o.status', '=', 'offered'))
		.select([...entryColumns, 'p.id as patient_id', 'p.family_name', 'p.given_name', 'p.phone', 'o.expires_at'])
		.where('e.status', '=', 'waiting')
		.orderBy('e.created_at')
		.orderBy('e.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		status: r.status,
		service: { ja: r.service_ja, en: r.service_en },
		practitioner: practitionerNames(r),
		from: r.date_from,
		to: r.date_to,
		times: JSON.parse(r.times),
		createdAt: r.created_at,
		patient: { id: r.patient_id, familyName: r.family_name, givenName: r.given_name, phone: r.phone },
		offeredUntil: r.expires_at
	}));
}
