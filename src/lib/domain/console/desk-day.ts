/*
 * The desk's view of one day (issue #22, "The desk"): what state each patient's visit is in, who is
 * about to arrive, who is waiting to pay, and which of tomorrow's visits nobody has confirmed.
 * Pure: the facts come in as plain values and `now` as an argument.
 */

/** The appointment states as stored (cancelled and blocked time are not visits of a patient). */
export type StoredStatus = 'booked' | 'arrived' | 'completed' | 'no_show' | 'cancelled' | 'blocked';

/** What the desk sees beside a name, in the order a visit goes through them. */
export const DESK_STATUSES = ['booked', 'confirmed', 'arrived', 'in_treatment', 'done', 'unpaid', 'no_show'] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];

export interface DeskVisitFacts {
	id: string;
	/** ISO instant the visit starts. */
	start: string;
	status: StoredStatus;
	/** Set when the patient answered a reminder with "I'll come". */
	confirmedAt: string | null;
	/** Set when the patient asked to change the visit instead. */
	changeRequestedAt: string | null;
	/** A treatment session for this visit is open (needles may be in). */
	openSession: boolean;
	/** A charge that is not voided exists for this visit. */
	charged: boolean;
}

/**
 * One status per visit. An open session wins over what the appointment row says: the patient is on
 * the bed whatever the desk clicked. A completed visit without a charge is "unpaid" until charged.
 * Cancelled appointments and blocked time have none (null).
 */
export function deskStatus(visit: Pick<DeskVisitFacts, 'status' | 'confirmedAt' | 'openSession' | 'charged'>): DeskStatus | null {
	if (visit.status === 'cancelled' || visit.status === 'blocked') return null;
	if (visit.status === 'no_show') return 'no_show';
	if (visit.openSession) return 'in_treatment';
	if (visit.status === 'completed') return visit.charged ? 'done' : 'unpaid';
	if (visit.status === 'arrived') return 'arrived';
	return visit.confirmedAt ? 'confirmed' : 'booked';
}

/** Visits starting within this long (or already late) are the ones to greet at the door. */
export const GREET_AHEAD_MS = 30 * 60_000;

export interface DeskDay<T extends DeskVisitFacts> {
	/** Every patient visit of the day, in time order, with its status. */
	timeline: Array<T & { deskStatus: DeskStatus }>;
	/** Not yet arrived and due within GREET_AHEAD_MS, or late: the earliest first. */
	toGreet: Array<T & { deskStatus: DeskStatus }>;
	/** Completed and not charged. */
	toCharge: Array<T & { deskStatus: DeskStatus }>;
}

/** Time order, and the id to break ties so two visits at 10:00 never swap places between loads. */
export function byStart<T extends Pick<DeskVisitFacts, 'start' | 'id'>>(a: T, b: T): number {
	const diff = Date.parse(a.start) - Date.parse(b.start);
	return diff !== 0 ? diff : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function deskDay<T extends DeskVisitFacts>(visits: readonly T[], now: number): DeskDay<T> {
	const timeline = visits
		.flatMap((v) => {
			const status = deskStatus(v);
			return status ? [{ ...v, deskStatus: status }] : [];
		})
		.sort(byStart);
	return {
		timeline,
		toGreet: timeline.filter((v) => (v.deskStatus === 'booked' || v.deskStatus === 'confirmed') && Date.parse(v.start) <= now + GREET_AHEAD_MS),
		toCharge: timeline.filter((v) => v.deskStatus === 'unpaid')
	};
}

/**
 * Tomorrow's visits the patient has not confirmed: still booked, no "I'll come" (a request to
 * change counts as unconfirmed: the desk has to call). Time order.
 */
export function unconfirmedVisits<T extends DeskVisitFacts>(visits: readonly T[]): T[] {
	return visits.filter((v) => v.status === 'booked' && v.confirmedAt === null).sort(byStart);
}
