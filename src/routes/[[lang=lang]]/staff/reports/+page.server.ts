import { error } from '@sveltejs/kit';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { actorFrom } from '$lib/server/http/request-context';
import { feeFigures } from '$lib/server/cancellation-policy/outstanding-fees';
import { reportForRequest } from '$lib/server/reports/report-page';
import { loadRetentionReport } from '$lib/server/reports/retention-report';
import { periodInstants } from '$lib/domain/reports/report-period';
import { listReportPractitioners } from '$lib/server/reports/report-viewer';
import type { PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

/** The owner's report (a practitioner sees their own figures): a GET form, so it works without JavaScript. */
export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const staff = locals.session!.staff;
	const result = await reportForRequest(locals.db, url.searchParams, staff, actorFrom(event), locals.locale);
	if (!result.ok && result.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
	const practitioners = staff.role === 'owner' ? await listReportPractitioners(locals.db) : [];
	if (!result.ok) {
		const errors = Object.fromEntries(
			Object.entries(result.fields).map(([field, key]) => [
				field,
				isMessageKey(key) ? translate(locals.locale, key) : translate(locals.locale, 'error.badRequestTitle')
			])
		);
		return {
			errors,
			values: Object.fromEntries(url.searchParams) as Record<string, string>,
			practitioners,
			report: null,
			tables: [],
			query: null,
			mayChoosePractitioner: staff.role === 'owner',
			retention: [],
			fees: null
		};
	}
	// Issue #17: retention figures, and (for the owner) the cancellation fees of the period.
	const retention = await loadRetentionReport(locals.db, result.query);
	const span = periodInstants({ from: result.query.from, to: result.query.to, timeZone: await recentClinicTimeZone(locals.db) });
	const fees = staff.role === 'owner' ? await feeFigures(locals.db, new Date(span.start).toISOString(), new Date(span.end).toISOString()) : null;
	return {
		errors: {} as Record<string, string>,
		values: {} as Record<string, string>,
		practitioners,
		report: result.report,
		tables: result.tables,
		query: result.query,
		mayChoosePractitioner: result.mayChoosePractitioner,
		retention,
		fees
	};
};
