import type { Selectable } from 'kysely';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../audit/audit-log';
import { reminderTiming } from '../reminders/reminder-settings';
import { bookingMailJobs } from '../booking/booking-mail-jobs';
import { bookHeldAppointment, markAppointmentCancelled, releaseOccupancy } from '../booking/appointment-repository';
import { randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import type { WaitlistOfferTable } from '../db/schema-waitlist';
import { withTransaction } from '../db/transaction';
import { enqueueJobs } from '../jobs/queue';
import { enqueueFreedSlot } from './jobs';
import { MAX_TOKEN_LENGTH } from './tokens';
import { closeOpenWaitlistOffer, markWaitlistEntryBooked, setWaitlistOfferStatus } from './waitlist-repository';

type OfferRow = Selectable<WaitlistOfferTable>;

export type AcceptOfferResult =
	{ ok: true; appointmentId: string; manageToken: string; locale: 'ja' | 'en' } | { ok: false; code: 'not_found' | 'expired' | 'already_accepted' };

export type DeclineOfferResult = { ok: true } | { ok: false; code: 'not_found' | 'expired' | 'already_accepted' };

/**
 * The patient takes the held slot, in one step from the offer's page: the hold becomes their
 * booked visit (the same appointment row, so its occupancy never lapses in between), and the
 * usual confirmation and reminder mails are queued. Guarded by the offer's and the hold's status,
 * so of two clicks (or two instances) only one books.
 */
export async function acceptOffer(db: Db, token: string, actor: AuditActor, now = db.clock.now().getTime()): Promise<AcceptOfferResult> {
	return withTransaction(db, async (tx) => {
		const offer = await offerByToken(tx, token);
		if (!offer) return { ok: false, code: 'not_found' } as const;
		if (offer.status === 'accepted') return { ok: false, code: 'already_accepted' } as const;
		if (offer.status !== 'offered') return { ok: false, code: 'expired' } as const;
		if (Date.parse(offer.expires_at) <= now) {
			await closeOffer(tx, offer, 'expired', SYSTEM_ACTOR, now);
			return { ok: false, code: 'expired' } as const;
		}
		const entry = await tx.kysely
			.selectFrom('waitlist_entry')
			.select(['id', 'patient_id', 'locale', 'status'])
			.where('id', '=', offer.entry_id)
			.executeTakeFirstOrThrow();
		const manageToken = randomToken();
		const booked = await bookHeldAppointment(tx, offer.appointment_id, {
			patient_id: entry.patient_id,
			manage_token_hash: sha256Hex(manageToken),
			locale: entry.locale,
			created_at: new Date(now).toISOString()
		});
		// The desk lifted the hold meanwhile: the slot is no longer theirs to take.
		if (!booked) {
			await setWaitlistOfferStatus(tx, offer.id, 'expired', new Date(now).toISOString());
			return { ok: false, code: 'expired' } as const;
		}
		await setWaitlistOfferStatus(tx, offer.id, 'accepted', new Date(now).toISOString());
		await markWaitlistEntryBooked(tx, entry.id, offer.appointment_id, new Date(now).toISOString());
		await recordAudit(tx, actor, {
			action: 'waitlist.accept',
			entityType: 'appointment',
			entityId: offer.appointment_id,
			patientId: entry.patient_id,
			detail: { offerId: offer.id, entryId: entry.id, start: offer.starts_at }
		});
		await enqueueJobs(
			tx,
			bookingMailJobs(
				tx.secrets,
				{ appointmentId: offer.appointment_id, manageToken, patientId: entry.patient_id },
				Date.parse(offer.starts_at),
				now,
				await reminderTiming(tx)
			),
			new Date(now)
		);
		return { ok: true, appointmentId: offer.appointment_id, manageToken, locale: entry.locale } as const;
	});
}

/** The patient says no: the hold is lifted and the slot passes to the next person. */
export async function declineOffer(db: Db, token: string, actor: AuditActor, now = db.clock.now().getTime()): Promise<DeclineOfferResult> {
	return withTransaction(db, async (tx) => {
		const offer = await offerByToken(tx, token);
		if (!offer) return { ok: false, code: 'not_found' } as const;
		if (offer.status === 'accepted') return { ok: false, code: 'already_accepted' } as const;
		if (offer.status !== 'offered') return { ok: false, code: 'expired' } as const;
		await closeOffer(tx, offer, Date.parse(offer.expires_at) <= now ? 'expired' : 'declined', actor, now);
		return { ok: true } as const;
	});
}

/** The expiry job: an offer still open when its hold time ends passes on. */
export async function expireOffer(db: Db, offerId: string, now = db.clock.now().getTime()): Promise<boolean> {
	return withTransaction(db, async (tx) => {
		const offer = await lockedOffer(tx, { id: offerId });
		if (!offer || offer.status !== 'offered') return false;
		// A job run early (a clock behind the one that queued it) leaves the offer alone.
		if (Date.parse(offer.expires_at) > now) return false;
		await closeOffer(tx, offer, 'expired', SYSTEM_ACTOR, now);
		return true;
	});
}

/**
 * Ends an open offer without a booking: lifts the hold, frees its grains, and queues the slot for
 * the next person in line (who is never the same person: the offer row stays).
 */
export async function closeOffer(tx: Db, offer: OfferRow, status: 'declined' | 'expired', actor: AuditActor, now: number): Promise<void> {
	if (!(await closeOpenWaitlistOffer(tx, offer.id, status, new Date(now).toISOString()))) return;
	const lifted = await markAppointmentCancelled(tx, offer.appointment_id, 'blocked', new Date(now).toISOString());
	await releaseOccupancy(tx, offer.appointment_id);
	const entry = await tx.kysely.selectFrom('waitlist_entry').select('patient_id').where('id', '=', offer.entry_id).executeTakeFirst();
	await recordAudit(tx, actor, {
		action: status === 'declined' ? 'waitlist.decline' : 'waitlist.expire',
		entityType: 'waitlist_entry',
		entityId: offer.entry_id,
		patientId: entry?.patient_id,
		detail: { offerId: offer.id, start: offer.starts_at }
	});
	if (lifted) await enqueueFreedSlot(tx, { practitionerId: offer.practitioner_id, start: offer.starts_at }, now);
}

async function offerByToken(tx: Db, token: string): Promise<OfferRow | undefined> {
	if (!token || token.length > MAX_TOKEN_LENGTH) return undefined;
	return lockedOffer(tx, { tokenHash: sha256Hex(token) });
}

// PostgreSQL: two answers to one offer queue on its row; SQLite has a single writer anyway.
async function lockedOffer(tx: Db, by: { id: string } | { tokenHash: string }): Promise<OfferRow | undefined> {
	let query = tx.kysely.selectFrom('waitlist_offer').selectAll();
	query = 'id' in by ? query.where('id', '=', by.id) : query.where('token_hash', '=', by.tokenHash);
	if (tx.dialect === 'postgres') query = query.forUpdate();
	return query.executeTakeFirst();
}
