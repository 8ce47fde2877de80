import { randomUUID } from 'node:crypto';
import { freeSlots, type Slot } from '../../domain/scheduling/availability';
import { localDate } from '../../domain/time';
import { rankWishesForSlot, type WaitlistWish } from '../../domain/scheduling/waitlist';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit-log';
import { appointmentRow } from '../booking/appointment-row';
import { claimOccupancy, insertAppointment } from '../booking/appointment-repository';
import { practitionerPlaces, isUniqueViolation, resourcesOf } from '../booking/occupancy';
import { transactionScheduleConfig } from '../booking/schedule-config-cache';
import { loadScheduleInputs, type ScheduleConfig } from '../booking/schedule-repository';
import { randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import { inSavepoint, withTransaction } from '../db/transaction';
import { enqueueJobs } from '../jobs/queue';
import { EXPIRE_OFFER_JOB, OFFER_MAIL_JOB } from './jobs';
import { waitlistTokenContext } from './tokens';
import { insertWaitlistOffer } from './waitlist-repository';
import { waitlistHoldMinutesQuery } from '../clinic/clinic-repository';

/** What the hold's blocked time says on the staff schedule. */
export const HOLD_NOTE = 'キャンセル待ち保留 / waiting-list hold';
/** A freed slot is tried for this many people at most; the rest wait for the next one. */
const MAX_TRIES = 25;

export type OfferOutcome = { offered: true; offerId: string; entryId: string } | { offered: false; reason: 'past' | 'nobody_fits' | 'taken' };

interface CandidateRow {
	id: string;
	patient_id: string;
	service_id: string;
	practitioner_id: string | null;
	date_from: string;
	date_to: string;
	times: string;
	locale: 'ja' | 'en';
	created_at: string;
	/** The clinic's hold time, read with the candidates to save a round trip. */
	hold_minutes: number;
}

/**
 * Offers the practitioner's freed time from `start` to the longest-waiting person it fits
 * (docs: issue #17), and holds it for them for the clinic's hold time. The hold is blocked time
 * that claims occupancy, so a concurrent booking, a second offer job or another instance loses
 * on the unique key, and the offer's unique keys keep one slot to one person and one person from
 * being offered the same slot twice.
 *
 * With `until` the freed time is a stretch that may have begun (the rest of a no-show): the free
 * slots that start in it and still meet the service's notice are tried, earliest first. Either
 * way only a slot `freeSlots` allows at `now` is offered: never one begun or inside the notice.
 */
export async function offerFreedSlot(db: Db, practitionerId: string, start: number, now = db.clock.now().getTime(), until?: number): Promise<OfferOutcome> {
	if ((until ?? start) <= now || (until !== undefined && until <= start)) return { offered: false, reason: 'past' };
	// In a transaction of its own trying one start, a taken slot rolls the whole of it back: no
	// savepoint (two round trips) is needed. Inside a caller's transaction, or trying several
	// starts, each attempt keeps to a savepoint so the rest goes on.
	const guarded = db.kysely.isTransaction || until !== undefined;
	try {
		return await offerIn(db, practitionerId, start, now, until, guarded);
	} catch (cause) {
		if (cause instanceof SlotTaken) return { offered: false, reason: 'taken' };
		throw cause;
	}
}

/** Someone booked or held the time since it was read: thrown to roll the offer's transaction back. */
class SlotTaken extends Error {}

function offerIn(db: Db, practitionerId: string, start: number, now: number, until: number | undefined, guarded: boolean): Promise<OfferOutcome> {
	return withTransaction(db, async (tx) => {
		const config = await transactionScheduleConfig(tx);
		const practitionerServiceIds = new Set(config.services.filter((s) => s.practitioner_id === practitionerId).map((s) => s.service_id));
		if (practitionerServiceIds.size === 0) return { offered: false, reason: 'nobody_fits' } as const;
		if (until === undefined) return offerAt(tx, config, practitionerServiceIds, practitionerId, start, now, guarded);
		const starts = await freeStartsWithin(tx, config, practitionerServiceIds, practitionerId, start, until, now);
		let last: OfferOutcome = { offered: false, reason: 'past' };
		for (const candidate of starts.slice(0, MAX_STARTS)) {
			last = await offerAt(tx, config, practitionerServiceIds, practitionerId, candidate, now, guarded);
			if (last.offered) return last;
		}
		return last;
	});
}

/** A stretch of freed time is tried at this many slot starts at most. */
const MAX_STARTS = 6;

async function offerAt(
	tx: Db,
	config: ScheduleConfig,
	practitionerServiceIds: Set<string>,
	practitionerId: string,
	start: number,
	now: number,
	guarded: boolean
): Promise<OfferOutcome> {
	const timeZone = config.clinic.time_zone;
	const day = localDate(start, timeZone);
	const startIso = new Date(start).toISOString();
	const rows = await waitingFor(tx, practitionerId, startIso, day);
	const wishes = rows.map((r) => ({ ...toWish(r), row: r }));
	const durations = new Map(config.serviceRows.map((s) => [s.id, s.duration_minutes]));
	const ranked = rankWishesForSlot(wishes, { practitionerId, start, practitionerServiceIds, timeZone }, (id) => durations.get(id));

	const slotsByService = new Map<string, Slot | undefined>();
	for (const wish of ranked.slice(0, MAX_TRIES)) {
		if (!slotsByService.has(wish.serviceId)) slotsByService.set(wish.serviceId, await slotFor(tx, config, wish.serviceId, practitionerId, start, day, now));
		const slot = slotsByService.get(wish.serviceId);
		if (!slot) continue;
		if (!guarded) {
			try {
				return { offered: true, offerId: await holdAndOffer(tx, config, wish.row, slot, now), entryId: wish.id } as const;
			} catch (cause) {
				throw isUniqueViolation(cause) ? new SlotTaken() : cause;
			}
		}
		const outcome = await inSavepoint(tx, () => holdAndOffer(tx, config, wish.row, slot, now));
		if (outcome.ok) return { offered: true, offerId: outcome.value, entryId: wish.id } as const;
		// Someone booked or held the time since it was read: the slot is gone for everyone.
		if (isUniqueViolation(outcome.cause)) return { offered: false, reason: 'taken' } as const;
		throw outcome.cause;
	}
	return { offered: false, reason: 'nobody_fits' } as const;
}

/** The starts of the practitioner's free slots (any service they give) in [start, until), earliest first. */
async function freeStartsWithin(
	tx: Db,
	config: ScheduleConfig,
	serviceIds: Set<string>,
	practitionerId: string,
	start: number,
	until: number,
	now: number
): Promise<number[]> {
	const day = localDate(start, config.clinic.time_zone);
	const starts = new Set<number>();
	for (const service of config.serviceRows.filter((s) => serviceIds.has(s.id))) {
		const inputs = await loadScheduleInputs(tx, service, day, day, config);
		for (const slot of freeSlots(inputs.rules, inputs.service, inputs.practitioners, inputs.bedIds, inputs.busy, { from: day, to: day, practitionerId, now })) {
			if (slot.start >= start && slot.start < until) starts.add(slot.start);
		}
	}
	return [...starts].sort((a, b) => a - b);
}

/**
 * Waiting entries whose dates cover the day, for this practitioner or anyone, that have no open
 * offer and were never offered this slot; longest-waiting first (index `waitlist_entry_waiting`).
 */
async function waitingFor(tx: Db, practitionerId: string, startIso: string, day: string): Promise<CandidateRow[]> {
	return (await waitingQuery(tx, practitionerId, startIso, day).execute()).map((r) => ({ ...r, hold_minutes: Number(r.hold_minutes ?? 30) }));
}

/** The matching query itself, for the benchmark's look at its plan (bench/waitlist.ts). */
export function waitingQuery(tx: Db, practitionerId: string, startIso: string, day: string) {
	return tx.kysely
		.selectFrom('waitlist_entry as e')
		.select(['e.id', 'e.patient_id', 'e.service_id', 'e.practitioner_id', 'e.date_from', 'e.date_to', 'e.times', 'e.locale', 'e.created_at'])
		.select(() => waitlistHoldMinutesQuery(tx).as('hold_minutes'))
		.where('e.status', '=', 'waiting')
		.where('e.date_from', '<=', day)
		.where('e.date_to', '>=', day)
		.where((eb) => eb.or([eb('e.practitioner_id', 'is', null), eb('e.practitioner_id', '=', practitionerId)]))
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('waitlist_offer as o')
						.select('o.id')
						.whereRef('o.entry_id', '=', 'e.id')
						.where((eb) => eb.or([eb('o.status', '=', 'offered'), eb.and([eb('o.practitioner_id', '=', practitionerId), eb('o.starts_at', '=', startIso)])]))
				)
			)
		)
		.orderBy('e.created_at')
		.orderBy('e.id');
}

function toWish(row: CandidateRow): WaitlistWish {
	return {
		id: row.id,
		serviceId: row.service_id,
		practitionerId: row.practitioner_id,
		dateFrom: row.date_from,
		dateTo: row.date_to,
		times: JSON.parse(row.times),
		createdAt: row.created_at
	};
}

/** The free slot of this service at exactly `start` with this practitioner, if the rules allow one. */
async function slotFor(
	tx: Db,
	config: ScheduleConfig,
	serviceId: string,
	practitionerId: string,
	start: number,
	day: string,
	now: number
): Promise<Slot | undefined> {
	const service = config.serviceRows.find((s) => s.id === serviceId);
	if (!service) return undefined;
	const inputs = await loadScheduleInputs(tx, service, day, day, config);
	return freeSlots(inputs.rules, inputs.service, inputs.practitioners, inputs.bedIds, inputs.busy, { from: day, to: day, practitionerId, now }).find(
		(s) => s.start === start
	);
}

async function holdAndOffer(tx: Db, config: ScheduleConfig, entry: CandidateRow, slot: Slot, now: number): Promise<string> {
	const service = config.serviceRows.find((s) => s.id === entry.service_id)!;
	const hold = {
		...appointmentRow({ slot, patientId: null, serviceId: service.id, bufferMinutes: service.buffer_minutes, source: 'block', locale: entry.locale, now }),
		status: 'blocked' as const,
		note: HOLD_NOTE
	};
	await insertAppointment(tx, hold);
	// A hold keeps one place, as the booking it becomes will (issue #22); availability counts any
	// blocked time as every place, so it shows no less than is free.
	// The practitioner's places as the schedule just read them (one round trip fewer than asking again).
	const capacity = config.workingHours.find((h) => h.practitioner_id === hold.practitioner_id)?.concurrent_patients;
	await claimOccupancy(
		tx,
		hold.id,
		resourcesOf(hold),
		slot.start,
		Date.parse(hold.held_until),
		capacity === undefined ? await practitionerPlaces(tx, hold.practitioner_id) : { capacity }
	);
	const token = randomToken();
	const offerId = randomUUID();
	const expiresAt = new Date(now + entry.hold_minutes * 60_000);
	await insertWaitlistOffer(tx, {
		id: offerId,
		entry_id: entry.id,
		appointment_id: hold.id,
		practitioner_id: slot.practitionerId,
		starts_at: new Date(slot.start).toISOString(),
		status: 'offered',
		token_hash: sha256Hex(token),
		created_at: new Date(now).toISOString(),
		expires_at: expiresAt.toISOString(),
		answered_at: null
	});
	await recordAudit(tx, SYSTEM_ACTOR, {
		action: 'waitlist.offer',
		entityType: 'waitlist_entry',
		entityId: entry.id,
		patientId: entry.patient_id,
		detail: { offerId, holdId: hold.id, practitionerId: slot.practitionerId, start: hold.starts_at, expiresAt: expiresAt.toISOString() }
	});
	await enqueueJobs(
		tx,
		[
			{ kind: OFFER_MAIL_JOB, payload: { offerId, token: tx.secrets.seal(token, waitlistTokenContext('offer', offerId)) } },
			{ kind: EXPIRE_OFFER_JOB, payload: { offerId }, runAt: expiresAt }
		],
		new Date(now)
	);
	return offerId;
}
