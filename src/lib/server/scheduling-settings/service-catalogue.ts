import type { Db } from '../db/database';

export interface ServiceSettings {
	id: string;
	code: string;
	nameJa: string;
	nameEn: string;
	durationMinutes: number;
	bufferMinutes: number;
	priceJpy: number;
	needsBed: boolean;
	newPatientOnly: boolean;
	bookableOnline: boolean;
	isAddOn: boolean;
	descriptionJa: string;
	descriptionEn: string;
}

export interface BedSettings {
	id: string;
	nameJa: string;
	nameEn: string;
}

/** Services and beds as the owner edits them, in the clinic's own order. */
export async function loadServiceCatalogue(db: Db): Promise<{ services: ServiceSettings[]; beds: BedSettings[] }> {
	const [services, beds] = await Promise.all([
		db.kysely.selectFrom('service').selectAll().orderBy('sort_order').orderBy('code').execute(),
		db.kysely.selectFrom('bed').selectAll().orderBy('sort_order').orderBy('id').execute()
	]);
	return {
		services: services.map((s) => ({
			id: s.id,
			code: s.code,
			nameJa: s.name_ja,
			nameEn: s.name_en,
			durationMinutes: s.duration_minutes,
			bufferMinutes: s.buffer_minutes,
			priceJpy: s.price_jpy,
			needsBed: s.needs_bed === 1,
			newPatientOnly: s.new_patient_only === 1,
			bookableOnline: s.bookable_online === 1,
			isAddOn: s.is_add_on === 1,
			descriptionJa: s.description_ja,
			descriptionEn: s.description_en
		})),
		beds: beds.map((b) => ({ id: b.id, nameJa: b.name_ja, nameEn: b.name_en }))
	};
}
