import { fail } from '@sveltejs/kit';
import { formatReminderHours } from '$lib/domain/scheduling/reminder-timing';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { lineConfig } from '$lib/server/line/line-config';
import { countLineLinks, lineChannelStatus, listLineDeliveryFailures } from '$lib/server/line/line-status';
import { reminderTiming, saveReminderTiming } from '$lib/server/reminders/reminder-settings';
import type { Actions, PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

/** The owner's messaging settings: reminder timing per channel (issue #17) and the LINE channel's state (issue #20). */
export const load: PageServerLoad = async ({ locals }) => {
	const config = lineConfig();
	const timing = await reminderTiming(locals.db);
	return {
		timing: { mail: formatReminderHours(timing.mail), line: formatReminderHours(timing.line) },
		line: config
			? { status: await lineChannelStatus(config), linked: await countLineLinks(locals.db), failures: await listLineDeliveryFailures(locals.db) }
			: null,
		timeZone: await recentClinicTimeZone(locals.db)
	};
};

export const actions: Actions = {
	timing: async (event) => {
		const values = await readForm(event.request);
		const result = await saveReminderTiming(event.locals.db, { mail: values.mail ?? '', line: values.line ?? '' }, actorFrom(event));
		if (!result.ok) return fail(422, { fields: result.fields, values: { mail: values.mail ?? '', line: values.line ?? '' } });
		return { saved: true as const };
	}
};
