import { error } from '@sveltejs/kit';
import { needlesMissing } from '$lib/domain/clinical/needle-account';
import { addDays } from '$lib/domain/time';
import { translate } from '$lib/i18n/translate';
import { dayEndSummary } from '$lib/server/billing/day-end-summary';
import { deskToday, listDayEntries } from '$lib/server/billing/list-charges';
import { actorFrom } from '$lib/server/http/request-context';
import { packageDaySummary } from '$lib/server/packages/day-summary';
import { listOpenSessions } from '$lib/server/treatment-session/needle-account';
import type { PageServerLoad } from './$types';

/**
 * The desk's closing count for one clinic day (today by default): totals per method, every entry, the
 * receipts issued, and the session records still open at the end of the day.
 */
export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const date = url.searchParams.get('date') ?? (await deskToday(locals.db));
	const result = await dayEndSummary(locals.db, { date }, actorFrom(event));
	if (!result.ok)
		error(result.code === 'invalid' ? 400 : 403, translate(locals.locale, result.code === 'invalid' ? 'billing.error.date' : 'error.forbiddenTitle'));
	const { entries, receipts, reissues } = await listDayEntries(locals.db, result.summary.date);
	// The owner's end-of-day check that no needle was forgotten (docs/clinical-rules.md §3).
	const openSessions = (await listOpenSessions(locals.db, result.summary.to)).map((o) => ({ ...o, missing: needlesMissing(o) }));
	// Prepaid courses sold that day are 前受金, apart from visit revenue (issue #18).
	const packages = await packageDaySummary(locals.db, result.summary.from, result.summary.to);
	return { summary: result.summary, entries, receipts, reissues, openSessions, packages, previous: addDays(date, -1), next: addDays(date, 1) };
};
