import { japaneseHoliday } from '$lib/domain/clinic/holidays';
import { upcomingDays } from '$lib/domain/clinic/opening-hours';
import { listOpeningHours, listServices } from '$lib/server/clinic/clinic-repository';
import { clinicJsonLd } from '$lib/server/clinic/clinic-json-ld';
import type { PageServerLoad } from './$types';
import { CLINIC_DEFAULT_TIME_ZONE, recentClinic } from '$lib/server/clinic/clinic-settings';
import { localDayAt } from '$lib/domain/time';
import { listOnlineOffer } from '$lib/server/packages/portal-packages';

export const load: PageServerLoad = async ({ locals, url }) => {
	const [clinic, hours, services] = await Promise.all([recentClinic(locals.db), listOpeningHours(locals.db), listServices(locals.db)]);
	const timeZone = clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE;
	const today = localDayAt(locals.db.clock.now(), timeZone);
	return {
		clinic: clinic && {
			postalCode: clinic.postal_code,
			address: { ja: clinic.address_ja, en: clinic.address_en },
			phone: clinic.phone
		},
		days: upcomingDays(today.date, hours, (date) => japaneseHoliday(date)?.name ?? null),
		services: services.map((s) => ({
			code: s.code,
			name: { ja: s.name_ja, en: s.name_en },
			minutes: s.duration_minutes,
			priceJpy: s.price_jpy,
			isAddOn: s.is_add_on === 1
		})),
		// The prepaid courses the clinic shows online (issue #18): bought and paid at the desk.
		courses: (await listOnlineOffer(locals.db)).map((c) => ({
			id: c.id,
			name: { ja: c.nameJa, en: c.nameEn },
			visits: c.visitCount,
			months: c.validityMonths,
			priceJpy: c.priceJpy
		})),
		jsonLd: clinic ? clinicJsonLd(clinic, hours, services, locals.locale, url.origin + url.pathname) : null
	};
};
