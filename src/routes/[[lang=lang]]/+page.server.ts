import { japaneseHoliday } from '$lib/domain/clinic/holidays';
import { clinicDayAt, weeklyHours } from '$lib/domain/clinic/opening-hours';
import { findClinic, listOpeningHours, listServices } from '$lib/server/clinic/clinic-repository';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const clinic = await findClinic(locals.db);
	const timeZone = clinic?.time_zone ?? 'Asia/Tokyo';
	const today = clinicDayAt(new Date(), timeZone);
	const holiday = japaneseHoliday(today.date);
	const services = await listServices(locals.db);
	return {
		clinic: clinic && {
			postalCode: clinic.postal_code,
			address: { ja: clinic.address_ja, en: clinic.address_en },
			phone: clinic.phone
		},
		week: weeklyHours(await listOpeningHours(locals.db)),
		today: { weekday: today.weekday, holiday },
		services: services.map((s) => ({
			code: s.code,
			name: { ja: s.name_ja, en: s.name_en },
			minutes: s.duration_minutes,
			priceJpy: s.price_jpy,
			isAddOn: s.is_add_on === 1
		}))
	};
};
