import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../audit/audit-log';
import { randomToken } from '../crypto';
import type { Db } from '../db/database';
import type { StaffRole } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { createStaff } from '../staff/create-staff';
import { CLINIC_DEFAULT_TIME_ZONE } from '../clinic/clinic-settings';

export interface DemoAccount {
	email: string;
	role: StaffRole;
	password: string;
}

const CLINIC_ID = 'clinic-fuji-wellness';

/** The clinic row every install needs; the owner edits it later. */
export async function seedClinic(db: Db, demo: boolean): Promise<void> {
	await db.kysely
		.insertInto('clinic')
		.values({
			id: CLINIC_ID,
			name_ja: demo ? 'フジウェルネス鍼灸院' : '鍼灸院',
			name_en: demo ? 'Fuji Wellness Acupuncture' : 'Acupuncture clinic',
			postal_code: demo ? '132-0031' : '',
			address_ja: demo ? '東京都江戸川区松島1丁目21-14' : '',
			address_en: demo ? '1-21-14 Matsushima, Edogawa-ku, Tokyo' : '',
			phone: demo ? '03-0000-0000' : '',
			email: demo ? 'clinic@example.jp' : '',
			time_zone: CLINIC_DEFAULT_TIME_ZONE,
			require_totp_for_all: 0,
			// The demo clinic is run by its owner as a sole proprietor: the privacy page names him (APPI).
			operator_name_ja: demo ? '藤田 誠' : '',
			operator_name_en: demo ? 'Makoto Fujita' : '',
			access_ja: demo ? 'JR総武線「新小岩」駅南口からバスで約10分、「江戸川区役所前」下車、徒歩約3分。院の前に自転車を停められます。' : '',
			access_en: demo
				? 'From the south exit of Shin-Koiwa Station (JR Sobu Line), about 10 minutes by bus to the Edogawa Ward Office stop, then a 3-minute walk. Bicycles can be parked in front of the clinic.'
				: ''
		})
		.execute();
}

const OPENING_HOURS: Array<[weekday: number, opens: string, closes: string]> = [
	[1, '09:00', '12:30'],
	[1, '14:30', '19:30'],
	[2, '09:00', '12:30'],
	[2, '14:30', '19:30'],
	[4, '09:00', '12:30'],
	[4, '14:30', '19:30'],
	[5, '09:00', '12:30'],
	[5, '14:30', '19:30'],
	[6, '09:00', '14:00']
];

const PRACTITIONERS = [
	{ ja: ['藤田', '誠'], en: ['Fujita', 'Makoto'], hari: '第900101号', kyu: '第900102号', role: 'owner' },
	{ ja: ['佐藤', '美穂'], en: ['Sato', 'Miho'], hari: '第900201号', kyu: '第900202号', role: 'practitioner' },
	{ ja: ['高橋', '健'], en: ['Takahashi', 'Ken'], hari: '第900301号', kyu: null, role: null }
] as const;

const SERVICES = [
	{
		code: 'FIRST',
		ja: '初診（問診・検査・施術）',
		en: 'First visit (consultation, examination, treatment)',
		minutes: 75,
		price: 7700,
		newOnly: 1,
		addOn: 0,
		online: 1
	},
	{ code: 'FOLLOW', ja: '再診（鍼治療）', en: 'Follow-up treatment', minutes: 45, price: 5500, newOnly: 0, addOn: 0, online: 1 },
	{ code: 'EA', ja: '低周波鍼通電療法', en: 'Electroacupuncture', minutes: 60, price: 6600, newOnly: 0, addOn: 0, online: 1 },
	{ code: 'MOXA', ja: 'お灸', en: 'Moxibustion', minutes: 15, price: 1100, newOnly: 0, addOn: 1, online: 0 }
];

/**
 * Fuji Wellness as a newcomer first sees it. Staff passwords are random and returned once so the
 * caller can print them; only their argon2id hashes are stored.
 */
export async function seedDemoClinic(db: Db): Promise<DemoAccount[]> {
	const accounts: DemoAccount[] = (['owner', 'practitioner', 'reception'] as const).map((role) => ({
		email: `${role}@example.jp`,
		role,
		password: randomToken(15)
			.match(/.{1,6}/g)!
			.join('-')
	}));
	await withTransaction(db, async (tx) => {
		await seedClinic(tx, true);
		const staffIds: Partial<Record<StaffRole, string>> = {};
		for (const [index, account] of accounts.entries()) {
			const displayName = [PRACTITIONERS[0].ja.join(' '), PRACTITIONERS[1].ja.join(' '), '受付 山本'][index]!;
			const result = await createStaff(tx, { ...account, displayName }, SYSTEM_ACTOR);
			if (!result.ok) throw new Error(`demo staff ${account.email}: ${result.code}`);
			staffIds[account.role] = result.staff.id;
		}
		await tx.kysely
			.insertInto('opening_hours')
			.values(OPENING_HOURS.map(([weekday, opens, closes]) => ({ id: randomUUID(), clinic_id: CLINIC_ID, weekday, opens, closes })))
			.execute();
		const practitioners = PRACTITIONERS.map((p) => ({
			id: randomUUID(),
			clinic_id: CLINIC_ID,
			staff_id: p.role ? (staffIds[p.role] ?? null) : null,
			family_name_ja: p.ja[0],
			given_name_ja: p.ja[1],
			family_name_en: p.en[0],
			given_name_en: p.en[1],
			hari_licence: p.hari,
			kyu_licence: p.kyu,
			active: 1
		}));
		await tx.kysely.insertInto('practitioner').values(practitioners).execute();
		await tx.kysely
			.insertInto('practitioner_hours')
			.values(
				practitioners.flatMap((p) => OPENING_HOURS.map(([weekday, starts, ends]) => ({ id: randomUUID(), practitioner_id: p.id, weekday, starts, ends })))
			)
			.execute();
		await tx.kysely
			.insertInto('bed')
			.values([1, 2, 3].map((n) => ({ id: randomUUID(), clinic_id: CLINIC_ID, name_ja: `ベッド${n}`, name_en: `Bed ${n}`, sort_order: n })))
			.execute();
		const services = SERVICES.map((s, index) => ({
			id: randomUUID(),
			clinic_id: CLINIC_ID,
			code: s.code,
			name_ja: s.ja,
			name_en: s.en,
			duration_minutes: s.minutes,
			buffer_minutes: s.addOn ? 0 : 10,
			price_jpy: s.price,
			needs_bed: 1,
			new_patient_only: s.newOnly,
			bookable_online: s.online,
			is_add_on: s.addOn,
			sort_order: index
		}));
		await tx.kysely.insertInto('service').values(services).execute();
		// Moxibustion needs a きゅう師 licence (docs/clinical-rules.md §6): only practitioners who hold one offer it.
		await tx.kysely
			.insertInto('practitioner_service')
			.values(
				practitioners.flatMap((p) => services.filter((s) => s.code !== 'MOXA' || p.kyu_licence).map((s) => ({ practitioner_id: p.id, service_id: s.id })))
			)
			.execute();
	});
	return accounts;
}
