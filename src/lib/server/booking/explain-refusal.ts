import { slotRefusal, nearestStarts, type SlotRefusal } from '../../domain/scheduling/slot-refusal';
import { addDays, localDate } from '../../domain/time';
import type { Db } from '../db/database';
import { getAvailability } from './get-availability';
import { findService, loadScheduleInputs } from './schedule-repository';
import { clockTime } from '../../format';

/** How many other times a refused booking offers, and how many days either side it looks. */
const OFFERED = 3;
const DAYS_AROUND = 7;

export interface OfferedTime {
	/** Clinic-local day and wall-clock time, as the booking form posts them. */
	date: string;
	time: string;
	start: number;
	practitionerId: string;
}

export interface RefusalExplanation {
	reason: SlotRefusal;
	nearest: OfferedTime[];
}

/**
 * Why a time chosen on the booking page could not be booked, and the nearest free times to offer
 * instead (issue #22): for the same service and, unless the patient left it to the clinic, the
 * same practitioner. Read-only; the booking itself was refused inside its own transaction.
 */
export async function explainRefusal(
	db: Db,
	request: { serviceId: string; practitionerId?: string; start: number },
	now = db.clock.now().getTime()
): Promise<RefusalExplanation | null> {
	const service = await findService(db, request.serviceId);
	if (!service) return null;
	const inputs = await loadScheduleInputs(db, service, localDate(request.start, 'UTC'), localDate(request.start, 'UTC'));
	const { rules } = inputs;
	const reason = slotRefusal(request.start, now, rules);
	const today = localDate(now, rules.timeZone);
	const lastDay = addDays(today, rules.horizonDays);
	const wanted = localDate(Math.max(request.start, now), rules.timeZone);
	const from = [addDays(wanted, -DAYS_AROUND), today].sort().at(-1)!;
	const to = [addDays(wanted, DAYS_AROUND), lastDay].sort()[0]!;
	const available = from <= to ? await getAvailability(db, { service: service.id, from, to, practitioner: request.practitionerId }, { now }) : null;
	const slots = available?.ok ? available.slots : [];
	const nearest = nearestStarts(slots, request.start, OFFERED).map((slot) => ({
		date: localDate(slot.start, rules.timeZone),
		time: clockTime(slot.start, rules.timeZone),
		start: slot.start,
		practitionerId: slot.practitionerId
	}));
	return { reason, nearest };
}
