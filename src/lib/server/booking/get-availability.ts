import { freeSlots, type Slot } from '../../domain/scheduling/availability';
import { addDays, localDate, localInstant } from '../../domain/time';
import type { Db } from '../db/database';
import { reuseRecentAnswer, type AnswerSpan } from './availability-answers';
import { recentScheduleConfig } from './schedule-config-cache';
import { findService, loadScheduleInputs, type ScheduleConfig } from './schedule-repository';
import type { TAvailabilityQuery } from './schemas';
import { findActivePractitionerId } from '../scheduling-settings/settings-repository';

/** Longest range one request may ask for. */
export const MAX_RANGE_DAYS = 62;

export type AvailabilityResult =
	| { ok: true; timeZone: string; slots: Slot[] }
	| { ok: false; code: 'service_not_found' | 'practitioner_not_found' }
	| { ok: false; code: 'range_too_long' | 'outside_booking_window'; field: 'from' | 'to' };

/**
 * `recentConfig`: read-only callers may reuse the standing schedule read within the last second,
 * and with it a recent answer to the same question while nothing has changed since
 * (availability-answers.ts).
 */
export async function getAvailability(
	db: Db,
	query: TAvailabilityQuery,
	options: { now?: number; includeStaffOnly?: boolean; recentConfig?: boolean } = {}
): Promise<AvailabilityResult> {
	const now = options.now ?? db.clock.now().getTime();
	if (!options.recentConfig) return (await computeAvailability(db, query, now, options.includeStaffOnly ?? false)).answer;
	const config = await recentScheduleConfig(db);
	const key = JSON.stringify([query.service, query.from, query.to, query.practitioner ?? null, options.includeStaffOnly ?? false]);
	return reuseRecentAnswer(db, config, key, now, async () => {
		const computed = await computeAvailability(db, query, now, options.includeStaffOnly ?? false, config);
		// A reused answer is shared by its callers: none may change it.
		if (computed.answer.ok) Object.freeze(computed.answer.slots).forEach((slot) => Object.freeze(slot));
		return computed;
	});
}

async function computeAvailability(
	db: Db,
	query: TAvailabilityQuery,
	now: number,
	includeStaffOnly: boolean,
	config?: ScheduleConfig
): Promise<{ answer: AvailabilityResult; span: AnswerSpan | null }> {
	const refused = (answer: AvailabilityResult) => ({ answer, span: null });
	const service = config ? config.serviceRows.find((s) => s.id === query.service) : await findService(db, query.service);
	if (!service || service.is_add_on || (!service.bookable_online && !includeStaffOnly)) return refused({ ok: false, code: 'service_not_found' });
	if (query.practitioner) {
		const practitioner = await findActivePractitionerId(db, query.practitioner);
		if (!practitioner) return refused({ ok: false, code: 'practitioner_not_found' });
	}
	if (addDays(query.from, MAX_RANGE_DAYS - 1) < query.to) return refused({ ok: false, code: 'range_too_long', field: 'to' });
	const inputs = await loadScheduleInputs(db, service, query.from, query.to, config);
	const today = localDate(now, inputs.rules.timeZone);
	if (query.to < today) return refused({ ok: false, code: 'outside_booking_window', field: 'to' });
	if (query.to > addDays(today, inputs.rules.horizonDays)) return refused({ ok: false, code: 'outside_booking_window', field: 'to' });
	const slots = freeSlots(inputs.rules, inputs.service, inputs.practitioners, inputs.bedIds, inputs.busy, {
		from: query.from,
		to: query.to,
		practitionerId: query.practitioner,
		now
	});
	// As time passes, the answer changes only when a slot falls inside the minimum notice (it is
	// left out) or the clinic's day ends (the horizon and the window move): until then it holds.
	const notice = inputs.rules.minNoticeMinutes * 60_000;
	const dayEnds = localInstant(addDays(today, 1), '00:00', inputs.rules.timeZone);
	const validUntil = Math.min(dayEnds - 1, ...slots.slice(0, 1).map((s) => s.start - notice));
	return { answer: { ok: true, timeZone: inputs.rules.timeZone, slots }, span: { validUntil } };
}
