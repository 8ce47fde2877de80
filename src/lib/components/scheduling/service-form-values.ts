import type { SectionFailure } from './form-outcome';

export interface ServiceFormValues {
	nameJa: string;
	nameEn: string;
	durationMinutes: string;
	bufferMinutes: string;
	priceJpy: string;
	needsBed: boolean;
	newPatientOnly: boolean;
	bookableOnline: boolean;
	isAddOn: boolean;
	descriptionJa: string;
	descriptionEn: string;
}

type SavedService = Omit<ServiceFormValues, 'durationMinutes' | 'bufferMinutes' | 'priceJpy'> & {
	durationMinutes: number;
	bufferMinutes: number;
	priceJpy: number;
};

/** A service as its form shows it: what was typed after a refusal, else what is saved. */
export function serviceFormValues(saved: SavedService, failure: SectionFailure | null): ServiceFormValues {
	if (failure) {
		const v = failure.values;
		return {
			nameJa: v.nameJa ?? '',
			nameEn: v.nameEn ?? '',
			durationMinutes: v.durationMinutes ?? '',
			bufferMinutes: v.bufferMinutes ?? '',
			priceJpy: v.priceJpy ?? '',
			needsBed: v.needsBed === 'on',
			newPatientOnly: v.newPatientOnly === 'on',
			bookableOnline: v.bookableOnline === 'on',
			isAddOn: v.isAddOn === 'on',
			descriptionJa: v.descriptionJa ?? '',
			descriptionEn: v.descriptionEn ?? ''
		};
	}
	return {
		nameJa: saved.nameJa,
		nameEn: saved.nameEn,
		durationMinutes: String(saved.durationMinutes),
		bufferMinutes: String(saved.bufferMinutes),
		priceJpy: String(saved.priceJpy),
		needsBed: saved.needsBed,
		newPatientOnly: saved.newPatientOnly,
		bookableOnline: saved.bookableOnline,
		isAddOn: saved.isAddOn,
		descriptionJa: saved.descriptionJa,
		descriptionEn: saved.descriptionEn
	};
}

/** A new service starts as a bookable 30-minute treatment on a bed. */
export const NEW_SERVICE: SavedService = {
	nameJa: '',
	nameEn: '',
	durationMinutes: 30,
	bufferMinutes: 10,
	priceJpy: 0,
	needsBed: true,
	newPatientOnly: false,
	bookableOnline: true,
	isAddOn: false,
	descriptionJa: '',
	descriptionEn: ''
};
