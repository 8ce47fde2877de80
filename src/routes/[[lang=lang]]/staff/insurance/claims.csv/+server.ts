import { CLAIMS_CSV_COLUMN_LABELS } from '$lib/labels/claims-csv-column-labels';
import { error } from '@sveltejs/kit';
import { claimsCsv } from '$lib/domain/billing/claims-csv';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { claimVisitsForMonth } from '$lib/server/billing/claims-export';
import { ZClaimQuerySchema } from '$lib/server/billing/claims-query';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';

/** The month's 療養費 claim data as CSV, for the owner and reception. */
export const GET: RequestHandler = async (event) => {
	const { locals, url } = event;
	const query = ZClaimQuerySchema.safeParse({ month: url.searchParams.get('month') ?? undefined, insurer: url.searchParams.get('insurer') ?? undefined });
	if (!query.success) {
		const message = query.error.issues[0]?.message ?? '';
		error(400, isMessageKey(message) ? translate(locals.locale, message) : translate(locals.locale, 'error.badRequestTitle'));
	}
	const { month, insurer } = query.data;
	const visits = await claimVisitsForMonth(locals.db, { month, insurerNumber: insurer }, actorFrom(event), locals.locale);
	const csv = claimsCsv(visits, (column) => translate(locals.locale, CLAIMS_CSV_COLUMN_LABELS[column]));
	const filename = `claims-${month}${insurer ? `-${insurer}` : ''}.csv`;
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'no-store'
		}
	});
};
