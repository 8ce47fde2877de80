import type { Slot } from '../../domain/scheduling/availability';
import { freeSlots } from '../../domain/scheduling/availability';
import { addDays } from '../../domain/time';
import { ALTERNATIVE_WINDOW_DAYS } from '../../domain/scheduling/series';
import { HORIZON_DAYS } from '../../domain/scheduling/settings-rules';
import type { Db } from '../db/database';
import type { Service } from '../db/schema';
import { loadScheduleConfig, loadScheduleInputs } from '../booking/schedule-repository';

/**
 * The free slots a desk series may use between two clinic-local days, with room either side for
 * alternatives. The desk is not held to the online notice and horizon (as for any desk booking),
 * but it is held to the practitioners' hours, closures and every held grain. The preferred bed is
 * tried first, so the series keeps its bed where it is free.
 */
export async function loadSeriesSlots(
	db: Db,
	service: Service,
	firstDate: string,
	lastDate: string,
	preferredBedId: string | undefined,
	now: number
): Promise<{ slots: Slot[]; timeZone: string }> {
	const from = addDays(firstDate, -ALTERNATIVE_WINDOW_DAYS);
	const to = addDays(lastDate, ALTERNATIVE_WINDOW_DAYS);
	const config = await loadScheduleConfig(db);
	const inputs = await loadScheduleInputs(db, service, from, to, config);
	const bedIds =
		preferredBedId && inputs.bedIds.includes(preferredBedId) ? [preferredBedId, ...inputs.bedIds.filter((b) => b !== preferredBedId)] : inputs.bedIds;
	const rules = { ...inputs.rules, minNoticeMinutes: 0, horizonDays: HORIZON_DAYS.max * 2 };
	return { slots: freeSlots(rules, inputs.service, inputs.practitioners, bedIds, inputs.busy, { from, to, now }), timeZone: config.clinic.time_zone };
}
