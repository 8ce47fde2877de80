import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { actorFrom } from '$lib/server/http/request-context';
import { packageReport } from '$lib/server/packages/package-report';
import type { PageServerLoad } from './$types';

/** The owner's report of prepaid courses at a date (issue #18): a GET form, so it works without JavaScript. */
export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const date = url.searchParams.get('date');
	const result = await packageReport(locals.db, date, actorFrom(event));
	if (!result.ok && result.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
	if (!result.ok) return { report: null, date: date ?? '', error: translate(locals.locale, 'packageReports.error.date') };
	return { report: result.report, date: result.report.asOf, error: null };
};
