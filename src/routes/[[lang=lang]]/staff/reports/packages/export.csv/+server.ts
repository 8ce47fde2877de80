import { PACKAGE_REPORT_COLUMN_LABELS } from '$lib/labels/package-report-column-labels';
import { PACKAGE_STATUS_LABELS } from '$lib/labels/package-status-labels';
import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/domain/billing/claims-csv';
import { translate } from '$lib/i18n/translate';
import { actorFrom } from '$lib/server/http/request-context';
import { PACKAGE_REPORT_COLUMNS } from '$lib/domain/packages/report';
import { packageReport, packageReportCsvRows } from '$lib/server/packages/package-report';
import type { RequestHandler } from './$types';

/** The report of prepaid courses at a date as CSV (`?date=`): the page's own figures, one row per course and a totals row. */
export const GET: RequestHandler = async (event) => {
	const { locals, url } = event;
	const result = await packageReport(locals.db, url.searchParams.get('date'), actorFrom(event));
	if (!result.ok && result.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
	if (!result.ok) error(400, translate(locals.locale, 'packageReports.error.date'));
	const header = PACKAGE_REPORT_COLUMNS.map((c) => translate(locals.locale, PACKAGE_REPORT_COLUMN_LABELS[c]));
	const rows = packageReportCsvRows(result.report, locals.locale, {
		status: (s) => translate(locals.locale, PACKAGE_STATUS_LABELS[s]),
		total: translate(locals.locale, 'packageReports.total')
	});
	return new Response(toCsv(header, rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="packages-${result.report.asOf}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
