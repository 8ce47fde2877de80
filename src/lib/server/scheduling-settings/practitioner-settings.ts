import { parseLanguages, type ProfileLanguage } from '../../domain/scheduling/profile-languages';
import type { WeekdayPeriod } from '../../domain/scheduling/settings-rules';
import type { Db } from '../db/database';
import { getClinic } from '../clinic/clinic-repository';

export interface PractitionerSummary {
	id: string;
	name: { ja: string; en: string };
	hariLicence: string | null;
	kyuLicence: string | null;
	active: boolean;
}

export interface PractitionerSettings extends PractitionerSummary {
	timeZone: string;
	workingHours: WeekdayPeriod[];
	serviceIds: string[];
	services: Array<{ id: string; code: string; name: { ja: string; en: string } }>;
	timeOff: Array<{ id: string; startsAt: string; endsAt: string; note: string }>;
	/** Patients at once (one per bed while needles are retained). */
	concurrentPatients: number;
	/** The profile patients read when they choose (issue #22). */
	profile: { bioJa: string; bioEn: string; languages: ProfileLanguage[] };
}

type PractitionerRow = {
	id: string;
	family_name_ja: string;
	given_name_ja: string;
	family_name_en: string;
	given_name_en: string;
	hari_licence: string | null;
	kyu_licence: string | null;
	active: number;
};

function summaryOf(p: PractitionerRow): PractitionerSummary {
	return {
		id: p.id,
		name: { ja: `${p.family_name_ja} ${p.given_name_ja}`, en: `${p.given_name_en} ${p.family_name_en}` },
		hariLicence: p.hari_licence,
		kyuLicence: p.kyu_licence,
		active: p.active === 1
	};
}

/** Every practitioner, active ones first, for the list the owner picks from. */
export async function listPractitionerSummaries(db: Db): Promise<PractitionerSummary[]> {
	const rows = await db.kysely.selectFrom('practitioner').selectAll().orderBy('active', 'desc').orderBy('family_name_en').orderBy('id').execute();
	return rows.map(summaryOf);
}

/** One practitioner's hours, services and time off that has not ended yet. */
export async function loadPractitionerSettings(db: Db, practitionerId: string, now = db.clock.now().getTime()): Promise<PractitionerSettings | null> {
	const practitioner = await db.kysely.selectFrom('practitioner').selectAll().where('id', '=', practitionerId).executeTakeFirst();
	if (!practitioner) return null;
	const [clinic, hours, offered, services, timeOff] = await Promise.all([
		getClinic(db),
		db.kysely.selectFrom('practitioner_hours').selectAll().where('practitioner_id', '=', practitionerId).orderBy('weekday').orderBy('starts').execute(),
		db.kysely.selectFrom('practitioner_service').select('service_id').where('practitioner_id', '=', practitionerId).execute(),
		db.kysely.selectFrom('service').select(['id', 'code', 'name_ja', 'name_en']).orderBy('sort_order').orderBy('code').execute(),
		db.kysely
			.selectFrom('practitioner_time_off')
			.selectAll()
			.where('practitioner_id', '=', practitionerId)
			.where('ends_at', '>', new Date(now).toISOString())
			.orderBy('starts_at')
			.execute()
	]);
	return {
		...summaryOf(practitioner),
		timeZone: clinic.time_zone,
		workingHours: hours.map((h) => ({ weekday: h.weekday, start: h.starts, end: h.ends })),
		serviceIds: offered.map((s) => s.service_id),
		services: services.map((s) => ({ id: s.id, code: s.code, name: { ja: s.name_ja, en: s.name_en } })),
		timeOff: timeOff.map((t) => ({ id: t.id, startsAt: t.starts_at, endsAt: t.ends_at, note: t.note })),
		concurrentPatients: practitioner.concurrent_patients,
		profile: { bioJa: practitioner.bio_ja, bioEn: practitioner.bio_en, languages: parseLanguages(practitioner.languages) }
	};
}
