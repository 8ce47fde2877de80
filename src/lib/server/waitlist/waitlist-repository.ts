/* The waiting list's tables' writes (docs/architecture.md, "One owner per table"). */
import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { WaitlistEntryTable, WaitlistOfferTable } from '../db/schema-waitlist';

export async function insertWaitlistEntry(db: Db, entry: Insertable<WaitlistEntryTable>): Promise<void> {
	await db.kysely.insertInto('waitlist_entry').values(entry).execute();
}

/** The wish was met by the offered visit. */
export async function markWaitlistEntryBooked(db: Db, entryId: string, appointmentId: string, at: string): Promise<void> {
	await db.kysely.updateTable('waitlist_entry').set({ status: 'booked', appointment_id: appointmentId, closed_at: at }).where('id', '=', entryId).execute();
}

/** The patient left the list; false when the entry was no longer waiting. */
export async function markWaitlistEntryLeft(db: Db, entryId: string, at: string): Promise<boolean> {
	const left = await db.kysely
		.updateTable('waitlist_entry')
		.set({ status: 'left', closed_at: at })
		.where('id', '=', entryId)
		.where('status', '=', 'waiting')
		.executeTakeFirst();
	return Number(left.numUpdatedRows) === 1;
}

export async function insertWaitlistOffer(db: Db, offer: Insertable<WaitlistOfferTable>): Promise<void> {
	await db.kysely.insertInto('waitlist_offer').values(offer).execute();
}

/** Sets an offer's answer whatever its state (the accepting transaction holds it). */
export async function setWaitlistOfferStatus(db: Db, offerId: string, status: 'accepted' | 'expired', at: string): Promise<void> {
	await db.kysely.updateTable('waitlist_offer').set({ status, answered_at: at }).where('id', '=', offerId).execute();
}

/** Closes an offer that is still open; false when it had already been answered. */
export async function closeOpenWaitlistOffer(db: Db, offerId: string, status: 'declined' | 'expired', at: string): Promise<boolean> {
	const changed = await db.kysely
		.updateTable('waitlist_offer')
		.set({ status, answered_at: at })
		.where('id', '=', offerId)
		.where('status', '=', 'offered')
		.executeTakeFirst();
	return Number(changed.numUpdatedRows) === 1;
}
