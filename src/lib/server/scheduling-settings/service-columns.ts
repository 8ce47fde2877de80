import type { TServiceFields } from './schemas';

/** The editable columns of a service row, from the form's fields. */
export function serviceColumns(fields: TServiceFields) {
	return {
		name_ja: fields.nameJa,
		name_en: fields.nameEn,
		duration_minutes: fields.durationMinutes,
		buffer_minutes: fields.bufferMinutes,
		price_jpy: fields.priceJpy,
		needs_bed: fields.needsBed ? 1 : 0,
		new_patient_only: fields.newPatientOnly ? 1 : 0,
		bookable_online: fields.bookableOnline ? 1 : 0,
		is_add_on: fields.isAddOn ? 1 : 0,
		description_ja: fields.descriptionJa,
		description_en: fields.descriptionEn
	};
}
