import type { Db } from '../db/database';
import { enqueueJob } from '../jobs/queue';

/** A slot was freed: offer it to the waiting list (the worker runs `offerFreedSlot`). */
export const OFFER_SLOT_JOB = 'waitlist.offer_slot';
/** An offer's hold time ran out: pass the slot on. */
export const EXPIRE_OFFER_JOB = 'waitlist.expire_offer';
/** Patient mail, sent through the same queue path as the booking mail. */
export const OFFER_MAIL_JOB = 'mail.waitlist_offer';
export const JOINED_MAIL_JOB = 'mail.waitlist_joined';

export interface FreedTime {
	practitionerId: string;
	/** ISO 8601 or epoch milliseconds: the start of the freed time. */
	start: string | number;
	/**
	 * The end of the freed time, when it is a stretch that may already have begun (the rest of a
	 * no-show): the offer tries the free slots that start in it and still meet the notice.
	 */
	until?: string | number;
}

const iso = (t: string | number) => new Date(typeof t === 'number' ? t : Date.parse(t)).toISOString();

/**
 * Called inside the transaction that frees a practitioner's time (a cancellation, a move, lifted
 * blocked time, a no-show): the offer is made by the job queue after the commit, so it survives a
 * restart and runs on whichever instance takes the job.
 */
export async function enqueueFreedSlot(tx: Db, freed: FreedTime, now: Date | number = tx.clock.now()): Promise<void> {
	const start = iso(freed.start);
	const until = freed.until === undefined ? undefined : iso(freed.until);
	const at = typeof now === 'number' ? new Date(now) : now;
	// A time already begun (or, for a stretch, already over) cannot be offered.
	if (Date.parse(until ?? start) <= at.getTime()) return;
	await enqueueJob(tx, OFFER_SLOT_JOB, { practitionerId: freed.practitionerId, start, ...(until ? { until } : {}) }, undefined, at);
}
