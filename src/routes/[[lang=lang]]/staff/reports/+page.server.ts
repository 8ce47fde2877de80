import { error } from '@sveltejs/kit';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { actorFrom } from '$lib/server/http/request-context';
import { reportForRequest } from '$lib/server/reports/report-page';
import { listReportPractitioners } from '$lib/server/reports/report-viewer';
import type { PageServerLoad } from './$types';

/** The owner's report (a practitioner sees their own figures): a GET form, so it works without JavaScript. */
export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const staff = locals.session!.staff;
	const result = await reportForRequest(locals.db, url.searchParams, staff, actorFrom(event), locals.locale);
	if (!result.ok && result.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
	const practitioners = staff.role === 'owner' ? await listReportPractitioners(locals.db) : [];
	if (!result.ok) {
		const errors = Object.fromEntries(Object.entries(result.fields).map(([field, key]) => [field, isMessageKey(key) ? translate(locals.locale, key) : translate(locals.locale, 'error.badRequestTitle')]));
		return { errors, values: Object.fromEntries(url.searchParams) as Record<string, string>, practitioners, report: null, tables: [], query: null, mayChoosePractitioner: staff.role === 'owner' };
	}
	return { errors: {} as Record<string, string>, values: {} as Record<string, string>, practitioners, report: result.report, tables: result.tables, query: result.query, mayChoosePractitioner: result.mayChoosePractitioner };
};
