import type { LayoutServerLoad } from './$types';
import { recentClinic } from '$lib/server/clinic/clinic-settings';

export const load: LayoutServerLoad = async ({ locals }) => {
	const clinic = await recentClinic(locals.db);
	const staff = locals.session?.secondFactorDone ? locals.session.staff : null;
	return {
		locale: locals.locale,
		clinicName: clinic ? { ja: clinic.name_ja, en: clinic.name_en } : { ja: '', en: '' },
		viewer: staff ? { name: staff.display_name, role: staff.role } : null
	};
};
