import { pageMessages } from '$lib/server/i18n/page-messages';
import type { LayoutServerLoad } from './$types';
import { recentClinic } from '$lib/server/clinic/clinic-settings';

export const load: LayoutServerLoad = async ({ locals, route }) => {
	const clinic = await recentClinic(locals.db);
	const staff = locals.session?.secondFactorDone ? locals.session.staff : null;
	return {
		locale: locals.locale,
		clinicName: clinic ? { ja: clinic.name_ja, en: clinic.name_en } : { ja: '', en: '' },
		viewer: staff ? { name: staff.display_name, role: staff.role } : null,
		// What the browser needs to translate on this page; sent only by pages that ship JavaScript.
		messages: pageMessages(locals.locale, route.id)
	};
};
