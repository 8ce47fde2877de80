import { decideCancellation, policyForVisit, type CancellationDecision } from '../../domain/billing/cancellation-fee';
import { freeSlots, type Slot } from '../../domain/scheduling/availability';
import { localDate } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import type { Appointment } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { enqueueJob, enqueueJobs } from '../jobs/queue';
import { listPolicyVersions } from '../cancellation-policy/policy-repository';
import { recordCancellationFee } from '../cancellation-policy/record-fee';
import { bookingMailJobs } from './booking-mail-jobs';
import { retireReminders } from '../jobs/reminders';
import { reminderTiming } from '../reminders/reminder-settings';
import { claimOccupancy, markAppointmentCancelled, moveAppointmentTo, releaseOccupancy } from './appointment-repository';
import { isUniqueViolation, practitionerPlaces, resourcesOf } from './occupancy';
import { findService, loadScheduleInputs } from './schedule-repository';
import { enqueueFreedSlot } from '../waitlist/jobs';
import { getPractitionerNames } from '../scheduling-settings/settings-repository';
import { getClinic } from '../clinic/clinic-repository';

/*
 * What a patient may do with the link in the confirmation e-mail (issue #5) or from the portal
 * (issue #6): see the appointment, cancel it, or move it to another free time with the same
 * practitioner, until the clinic's cancellation cutoff. By link, the token is the only key (only
 * its SHA-256 is stored); in the portal, the appointment id counts only with the signed-in
 * patient's id, so one patient can never reach another's appointment.
 */

/** A manage token from the e-mail, or an appointment id together with the patient it must belong to. */
export type BookingKey = string | { appointmentId: string; patientId: string };

export type ManageBookingResult = { ok: true } | { ok: false; code: 'not_found' | 'past_cutoff' | 'slot_taken' | 'already_cancelled' };

/** A cancellation: `feeJpy` is the late-cancellation fee it created (absent when it was free). */
export type CancelBookingResult = { ok: true; feeJpy?: number } | { ok: false; code: 'not_found' | 'past_cutoff' | 'already_cancelled' | 'fee_not_accepted' };

export interface CancelOptions {
	/**
	 * The fee the patient agreed to when they pressed the button. A late cancellation goes ahead
	 * only when it is given and matches (the manage page shows the fee first); a caller that
	 * omits it gets `past_cutoff`, as before a policy existed.
	 */
	acceptFeeJpy?: number;
}

export interface ManagedBooking {
	appointment: Appointment;
	service: { name: { ja: string; en: string }; durationMinutes: number; priceJpy: number } | null;
	practitionerName: { ja: string; en: string };
	clinic: { timeZone: string; phone: string; cancellationCutoffHours: number; address: { ja: string; en: string } };
	/** Online changes are possible strictly before this instant. */
	changeDeadline: number;
}

const HOUR = 3_600_000;
/** Tokens are 32 base32 characters; anything much longer is not worth hashing. */
const MAX_TOKEN_LENGTH = 128;

class SlotTaken extends Error {}

export async function findBookingByToken(db: Db, token: string): Promise<ManagedBooking | undefined> {
	return findBooking(db, token);
}

/** The appointment behind a manage token, or a patient's own appointment by id; undefined otherwise. */
export async function findBooking(db: Db, key: BookingKey): Promise<ManagedBooking | undefined> {
	const appointment = await appointmentByKey(db, key);
	if (!appointment) return undefined;
	const [clinic, practitioner, service] = await Promise.all([
		getClinic(db),
		getPractitionerNames(db, appointment.practitioner_id),
		appointment.service_id ? findService(db, appointment.service_id) : undefined
	]);
	return {
		appointment,
		service: service ? { name: { ja: service.name_ja, en: service.name_en }, durationMinutes: service.duration_minutes, priceJpy: service.price_jpy } : null,
		practitionerName: {
			ja: `${practitioner.family_name_ja} ${practitioner.given_name_ja}`,
			en: `${practitioner.given_name_en} ${practitioner.family_name_en}`
		},
		clinic: {
			timeZone: clinic.time_zone,
			phone: clinic.phone,
			cancellationCutoffHours: clinic.cancellation_cutoff_hours,
			address: { ja: `〒${clinic.postal_code} ${clinic.address_ja}`, en: `${clinic.address_en} ${clinic.postal_code}` }
		},
		changeDeadline: changeDeadlineOf(appointment, clinic.cancellation_cutoff_hours)
	};
}

/** Whether the patient may still cancel or move the appointment themselves. */
export function isChangeableOnline(booking: ManagedBooking, now: number): boolean {
	return refusalFor(booking.appointment, booking.clinic.cancellationCutoffHours, now) === null;
}

/**
 * Cancels a visit. Within the policy's free window it is free; after it, with a late fee set,
 * the patient may still cancel when they accept the fee (`options.acceptFeeJpy`), and the fee is
 * recorded in billing for the desk to collect at the next visit (issue #17). Without a fee the
 * cutoff stands (`past_cutoff`).
 */
export async function cancelBooking(
	db: Db,
	key: BookingKey,
	actor: AuditActor,
	now = db.clock.now().getTime(),
	options: CancelOptions = {}
): Promise<CancelBookingResult> {
	return withTransaction(db, async (tx) => {
		const appointment = await appointmentByKey(tx, key, { lock: true });
		if (!appointment) return { ok: false, code: 'not_found' } as const;
		const { decision, policyVersion } = await cancellationDecisionFor(tx, appointment, now);
		if (decision.kind === 'refused') return { ok: false, code: decision.reason } as const;
		if (decision.kind === 'late_fee' && options.acceptFeeJpy === undefined) return { ok: false, code: 'past_cutoff' } as const;
		if (decision.kind === 'late_fee' && options.acceptFeeJpy !== decision.feeJpy) return { ok: false, code: 'fee_not_accepted' } as const;
		// Only a still-booked row changes: of two cancels at once, the second finds nothing to do.
		if (!(await markAppointmentCancelled(tx, appointment.id, 'booked', new Date(now).toISOString()))) return { ok: false, code: 'already_cancelled' } as const;
		await releaseOccupancy(tx, appointment.id);
		await recordAudit(tx, actor, {
			action: 'booking.cancel',
			entityType: 'appointment',
			entityId: appointment.id,
			patientId: appointment.patient_id ?? undefined,
			detail: { via: viaOf(key), late: decision.kind === 'late_fee' }
		});
		let feeJpy = 0;
		if (decision.kind === 'late_fee' && policyVersion !== null) {
			feeJpy = (await recordCancellationFee(tx, appointment, 'late_cancellation', decision.feeJpy, policyVersion, actor, now)) ?? 0;
		}
		await enqueueJob(tx, 'mail.booking_cancellation', { appointmentId: appointment.id }, undefined, new Date(now));
		// The freed time goes to the waiting list (issue #17).
		await enqueueFreedSlot(tx, { practitionerId: appointment.practitioner_id, start: appointment.starts_at }, now);
		return feeJpy > 0 ? ({ ok: true, feeJpy } as const) : ({ ok: true } as const);
	});
}

/** What cancelling the appointment at `now` means under the policy it is held to. */
export async function cancellationDecisionFor(
	db: Db,
	appointment: Appointment,
	now: number
): Promise<{ decision: CancellationDecision; policyVersion: number | null }> {
	const clinic = await getClinic(db);
	const policy = policyForVisit(await listPolicyVersions(db), appointment.policy_version ?? null);
	const decision = decideCancellation(
		policy,
		clinic.cancellation_cutoff_hours,
		{ status: appointment.status, startsAt: Date.parse(appointment.starts_at) },
		now,
		clinic.time_zone
	);
	return { decision, policyVersion: policy?.version ?? null };
}

export async function moveBooking(db: Db, key: BookingKey, newStart: number, actor: AuditActor, now = db.clock.now().getTime()): Promise<ManageBookingResult> {
	try {
		return await withTransaction(db, async (tx) => {
			const appointment = await appointmentByKey(tx, key, { lock: true });
			if (!appointment) return { ok: false, code: 'not_found' } as const;
			const refusal = refusalFor(appointment, await cutoffHours(tx), now);
			if (refusal) return { ok: false, code: refusal } as const;
			const service = appointment.service_id ? await findService(tx, appointment.service_id) : undefined;
			if (!service) return { ok: false, code: 'not_found' } as const;
			const { time_zone: timeZone } = await getClinic(tx);
			const day = localDate(newStart, timeZone);
			const slot = (await freeSlotsForMove(tx, appointment, day, day, now)).find((s) => s.start === newStart);
			if (!slot) return { ok: false, code: 'slot_taken' } as const;

			const heldUntil = slot.end + service.buffer_minutes * 60_000;
			await releaseOccupancy(tx, appointment.id);
			await moveAppointmentTo(tx, appointment.id, {
				starts_at: new Date(slot.start).toISOString(),
				ends_at: new Date(slot.end).toISOString(),
				held_until: new Date(heldUntil).toISOString(),
				// An answer to a reminder was about the old time (issue #17).
				confirmed_at: null,
				change_requested_at: null,
				answered_via: null,
				bed_id: slot.bedId
			});
			try {
				const places = await practitionerPlaces(tx, slot.practitionerId);
				await claimOccupancy(tx, appointment.id, resourcesOf({ practitioner_id: slot.practitionerId, bed_id: slot.bedId }), slot.start, heldUntil, places);
			} catch (cause) {
				// Someone booked the same grains since the check: undo the whole move.
				if (isUniqueViolation(cause)) throw new SlotTaken();
				throw cause;
			}
			await recordAudit(tx, actor, {
				action: 'booking.move',
				entityType: 'appointment',
				entityId: appointment.id,
				patientId: appointment.patient_id ?? undefined,
				detail: { via: viaOf(key), from: appointment.starts_at, to: new Date(slot.start).toISOString() }
			});
			// From the portal the manage token is unknown (only its hash is kept).
			const moved = { appointmentId: appointment.id, movedFrom: appointment.starts_at };
			const payload = typeof key === 'string' ? { ...moved, manageToken: key } : moved;
			await retireReminders(tx, appointment.id, now);
			await enqueueJobs(
				tx,
				bookingMailJobs(tx.secrets, { ...payload, patientId: appointment.patient_id }, slot.start, now, await reminderTiming(tx)),
				new Date(now)
			);
			if (slot.start !== Date.parse(appointment.starts_at))
				await enqueueFreedSlot(tx, { practitionerId: appointment.practitioner_id, start: appointment.starts_at }, now);
			return { ok: true } as const;
		});
	} catch (cause) {
		if (cause instanceof SlotTaken || isUniqueViolation(cause)) return { ok: false, code: 'slot_taken' };
		throw cause;
	}
}

/**
 * Free times to move `appointment` to, on clinic days `from`..`to`: the same practitioner and
 * treatment, with the appointment's own time counted as free so it may shift by a few minutes.
 */
export async function freeSlotsForMove(db: Db, appointment: Appointment, from: string, to: string, now: number): Promise<Slot[]> {
	const service = appointment.service_id ? await findService(db, appointment.service_id) : undefined;
	if (!service) return [];
	const inputs = await loadScheduleInputs(db, service, from, to);
	const ownStart = Date.parse(appointment.starts_at);
	const ownEnd = Date.parse(appointment.held_until);
	// Occupancy is unique per resource and grain, so no other appointment has exactly this interval.
	const isOwn = (b: (typeof inputs.busy)[number]) =>
		b.start === ownStart &&
		b.end === ownEnd &&
		((b.resource.kind === 'practitioner' && b.resource.id === appointment.practitioner_id) ||
			(b.resource.kind === 'bed' && b.resource.id === appointment.bed_id));
	const busy = appointment.status === 'cancelled' ? inputs.busy : inputs.busy.filter((b) => !isOwn(b));
	return freeSlots(inputs.rules, inputs.service, inputs.practitioners, inputs.bedIds, busy, {
		from,
		to,
		practitionerId: appointment.practitioner_id,
		now
	});
}

async function appointmentByKey(db: Db, key: BookingKey, options: { lock?: boolean } = {}): Promise<Appointment | undefined> {
	let query = db.kysely.selectFrom('appointment').selectAll();
	if (typeof key === 'string') {
		if (!key || key.length > MAX_TOKEN_LENGTH) return undefined;
		query = query.where('manage_token_hash', '=', sha256Hex(key));
	} else {
		if (!key.appointmentId || !key.patientId) return undefined;
		query = query.where('id', '=', key.appointmentId).where('patient_id', '=', key.patientId).where('status', '!=', 'blocked');
	}
	// PostgreSQL: two changes to one appointment queue on its row; SQLite has a single writer anyway.
	if (options.lock && db.dialect === 'postgres') query = query.forUpdate();
	return query.executeTakeFirst();
}

function viaOf(key: BookingKey): 'manage_link' | 'portal' {
	return typeof key === 'string' ? 'manage_link' : 'portal';
}

async function cutoffHours(db: Db): Promise<number> {
	return (await getClinic(db)).cancellation_cutoff_hours;
}

function changeDeadlineOf(appointment: Appointment, cutoff: number): number {
	return Date.parse(appointment.starts_at) - cutoff * HOUR;
}

function refusalFor(appointment: Appointment, cutoff: number, now: number): 'already_cancelled' | 'past_cutoff' | null {
	if (appointment.status === 'cancelled') return 'already_cancelled';
	// Arrived, completed or no-show: the visit has begun, which is past any cutoff.
	if (appointment.status !== 'booked' || now >= changeDeadlineOf(appointment, cutoff)) return 'past_cutoff';
	return null;
}
