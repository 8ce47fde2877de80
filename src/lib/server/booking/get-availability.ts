import { freeSlots, type Slot } from '../../domain/scheduling/availability';
import { addDays, localDate } from '../../domain/time';
import type { Db } from '../db/database';
import { recentScheduleConfig } from './schedule-config-cache';
import { findService, loadScheduleInputs } from './schedule-repository';
import type { TAvailabilityQuery } from './schemas';

/** Longest range one request may ask for. */
export const MAX_RANGE_DAYS = 62;

export type AvailabilityResult =
	| { ok: true; timeZone: string; slots: Slot[] }
	| { ok: false; code: 'service_not_found' | 'practitioner_not_found' }
	| { ok: false; code: 'range_too_long' | 'outside_booking_window'; field: 'from' | 'to' };

/** `recentConfig`: read-only callers may reuse the standing schedule read within the last second. */
export async function getAvailability(
	db: Db,
	query: TAvailabilityQuery,
	options: { now?: number; includeStaffOnly?: boolean; recentConfig?: boolean } = {}
): Promise<AvailabilityResult> {
	const now = options.now ?? db.clock.now().getTime();
	const config = options.recentConfig ? await recentScheduleConfig(db) : undefined;
	const service = config ? config.serviceRows.find((s) => s.id === query.service) : await findService(db, query.service);
	if (!service || service.is_add_on || (!service.bookable_online && !options.includeStaffOnly)) return { ok: false, code: 'service_not_found' };
	if (query.practitioner) {
		const practitioner = await db.kysely.selectFrom('practitioner').select('id').where('id', '=', query.practitioner).where('active', '=', 1).executeTakeFirst();
		if (!practitioner) return { ok: false, code: 'practitioner_not_found' };
	}
	if (addDays(query.from, MAX_RANGE_DAYS - 1) < query.to) return { ok: false, code: 'range_too_long', field: 'to' };
	const inputs = await loadScheduleInputs(db, service, query.from, query.to, config);
	const today = localDate(now, inputs.rules.timeZone);
	if (query.to < today) return { ok: false, code: 'outside_booking_window', field: 'to' };
	if (query.to > addDays(today, inputs.rules.horizonDays)) return { ok: false, code: 'outside_booking_window', field: 'to' };
	const slots = freeSlots(inputs.rules, inputs.service, inputs.practitioners, inputs.bedIds, inputs.busy, {
		from: query.from,
		to: query.to,
		practitionerId: query.practitioner,
		now
	});
	return { ok: true, timeZone: inputs.rules.timeZone, slots };
}
