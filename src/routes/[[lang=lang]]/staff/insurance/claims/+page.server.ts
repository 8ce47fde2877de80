import { endOfMonthAfter, localDate } from '$lib/domain/time';
import { dayText } from '$lib/format';
import { translator } from '$lib/i18n/translate';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';
import { actorFrom } from '$lib/server/http/request-context';
import { blockerText } from '$lib/server/jukyo-claim/blocker-text';
import { listClaimDrafts, ZClaimMonthSchema } from '$lib/server/jukyo-claim/claim-drafts';
import type { PageServerLoad } from './$types';

/** The month's draft 申請書 per insured patient, with what blocks each (issue #19); last month by default. */
export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	const today = localDate(locals.db.clock.now().getTime(), await recentClinicTimeZone(locals.db));
	const asked = url.searchParams.get('month');
	const parsed = ZClaimMonthSchema.safeParse(asked ?? endOfMonthAfter(today, -1).slice(0, 7));
	const t = translator(locals.locale);
	if (!parsed.success) return { month: asked ?? '', badMonth: true, drafts: [] };
	const month = parsed.data;
	const { drafts } = await listClaimDrafts(locals.db, month, actorFrom(event));
	return {
		month,
		badMonth: false,
		drafts: drafts.map((d) => ({ ...d, blockers: d.blockers.map((b) => blockerText(t, b, (date) => dayText(date, locals.locale, 'short'))) }))
	};
};
