import type { Db } from '../db/database';
import { listBeds, listPractitioners, listPractitionerServices, listServices, listWeeklyOpeningHours } from '../scheduling-settings/settings-repository';
import type { LocalizedName } from './list-day';
import type { WeeklyPeriod } from './opening-hours-fit';
import { CLINIC_DEFAULT_TIME_ZONE } from '../clinic/clinic-settings';
import { findClinic } from '../clinic/clinic-repository';

export interface ScheduleResources {
	timeZone: string;
	practitioners: Array<{ id: string; staffId: string | null; name: LocalizedName; serviceIds: string[] }>;
	beds: Array<{ id: string; name: LocalizedName }>;
	services: Array<{ id: string; name: LocalizedName; durationMinutes: number; needsBed: boolean }>;
	openingHours: WeeklyPeriod[];
}

/** The columns, choices and hours the schedule pages are drawn with. */
export async function loadScheduleResources(db: Db): Promise<ScheduleResources> {
	const [clinic, practitioners, offers, beds, services, openingHours] = await Promise.all([
		findClinic(db),
		listPractitioners(db),
		listPractitionerServices(db),
		listBeds(db),
		listServices(db),
		listWeeklyOpeningHours(db)
	]);
	return {
		timeZone: clinic?.time_zone ?? CLINIC_DEFAULT_TIME_ZONE,
		practitioners: practitioners.map((p) => ({
			id: p.id,
			staffId: p.staff_id,
			name: { ja: `${p.family_name_ja} ${p.given_name_ja}`, en: `${p.given_name_en} ${p.family_name_en}` },
			serviceIds: offers.filter((o) => o.practitioner_id === p.id).map((o) => o.service_id)
		})),
		beds: beds.map((b) => ({ id: b.id, name: { ja: b.name_ja, en: b.name_en } })),
		services: services.map((s) => ({ id: s.id, name: { ja: s.name_ja, en: s.name_en }, durationMinutes: s.duration_minutes, needsBed: s.needs_bed === 1 })),
		openingHours
	};
}
