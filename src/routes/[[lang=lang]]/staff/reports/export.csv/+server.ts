import { error } from '@sveltejs/kit';
import { toCsv } from '$lib/domain/billing/claims-csv';
import { REPORT_COLUMN_LABELS } from '$lib/domain/reports/report-labels';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { actorFrom } from '$lib/server/http/request-context';
import { reportForRequest } from '$lib/server/reports/report-page';
import { ZReportTableSchema } from '$lib/server/reports/report-query';
import type { RequestHandler } from './$types';

/** One table of the report as CSV (`?table=visits&from&to&practitioner`), with the page's own figures. */
export const GET: RequestHandler = async (event) => {
	const { locals, url } = event;
	const bad = (key: string) => error(400, isMessageKey(key) ? translate(locals.locale, key) : translate(locals.locale, 'error.badRequestTitle'));
	const table = ZReportTableSchema.safeParse(url.searchParams.get('table') ?? '');
	if (!table.success) bad('reports.error.table');
	const result = await reportForRequest(locals.db, url.searchParams, locals.session!.staff, actorFrom(event), locals.locale);
	if (!result.ok && result.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
	if (!result.ok) return bad(Object.values(result.fields)[0] ?? '');
	const chosen = result.tables.find((t) => t.id === table.data)!;
	const header = chosen.columns.map((c) => translate(locals.locale, REPORT_COLUMN_LABELS[c]));
	const filename = `report-${chosen.id}-${result.query.from}-${result.query.to}.csv`;
	return new Response(toCsv(header, chosen.rows), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' }
	});
};
