import { error } from '@sveltejs/kit';
import { addDays } from '$lib/domain/scheduling/local-time';
import { translate } from '$lib/i18n/translate';
import { dayEndSummary } from '$lib/server/billing/day-end-summary';
import { deskToday, listDayEntries } from '$lib/server/billing/list-charges';
import { actorFrom } from '$lib/server/http/request-context';
import type { PageServerLoad } from './$types';

/** The desk's closing count for one clinic day (today by default): totals per method, every entry, the receipts issued. */
export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const date = url.searchParams.get('date') ?? (await deskToday(locals.db));
	const result = await dayEndSummary(locals.db, { date }, actorFrom(event));
	if (!result.ok) error(result.code === 'invalid' ? 400 : 403, translate(locals.locale, result.code === 'invalid' ? 'billing.error.date' : 'error.forbiddenTitle'));
	const { entries, receipts, reissues } = await listDayEntries(locals.db, result.summary.date);
	return { summary: result.summary, entries, receipts, reissues, previous: addDays(date, -1), next: addDays(date, 1) };
};
