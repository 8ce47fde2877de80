import { recordAudit } from '$lib/server/audit/audit-log';
import { actorFrom } from '$lib/server/http/request-context';
import { listPossibleDuplicates } from '$lib/server/patients/find-duplicates';
import type { PageServerLoad } from './$types';
import { recentClinicTimeZone } from '$lib/server/clinic/clinic-settings';

/** Pairs shown at once: reception works through them; each merge brings the next into view. */
const PAIR_LIMIT = 100;

export const load: PageServerLoad = async (event) => {
	const pairs = await listPossibleDuplicates(event.locals.db, PAIR_LIMIT);
	// The list shows personal details of many patients: the read is audited by count, not by name.
	await recordAudit(event.locals.db, actorFrom(event), { action: 'patient.duplicates.list', detail: { pairs: pairs.length } });
	return { pairs, limit: PAIR_LIMIT, timeZone: await recentClinicTimeZone(event.locals.db) };
};
