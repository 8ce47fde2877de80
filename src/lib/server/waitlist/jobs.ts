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
}

/**
 * Called inside the transaction that frees a practitioner's time (a cancellation, a move, lifted
 * blocked time): the offer is made by the job queue after the commit, so it survives a restart
 * and runs on whichever instance takes the job.
 */
export async function enqueueFreedSlot(tx: Db, freed: FreedTime, now: Date | number = tx.clock.now()): Promise<void> {
	const start = typeof freed.start === 'number' ? new Date(freed.start).toISOString() : new Date(Date.parse(freed.start)).toISOString();
	const at = typeof now === 'number' ? new Date(now) : now;
	// A time already begun cannot be offered.
	if (Date.parse(start) <= at.getTime()) return;
	await enqueueJob(tx, OFFER_SLOT_JOB, { practitionerId: freed.practitionerId, start }, undefined, at);
}
