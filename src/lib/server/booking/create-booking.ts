import { freeSlots, type Slot } from '../../domain/scheduling/availability';
import type { TriageReason } from '../../domain/triage/assess';
import { triageForBooking, type BookingTriage, type RefusedLevel } from '../../domain/triage/booking-triage';
import { exceedsUpcomingLimit, needsApproval } from '../../domain/scheduling/booking-controls';
import { addDays, localDate } from '../../domain/time';
import { loadBookingStanding } from '../booking-controls/booking-standing';
import { pendingBookingMailJobs } from '../booking-controls/approval-mail-jobs';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { recordBookingPrivacyConsent } from '../consent/record-booking-consent';
import { randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import type { Appointment } from '../db/schema';
import { withGroupedTransaction } from '../db/grouped-transaction';
import { enqueueJobs } from '../jobs/queue';
import { bookingMailJobs } from './booking-mail-jobs';
import { reminderTimingOf } from '../reminders/reminder-settings';
import { appointmentRow } from './appointment-row';
import { insertAppointmentClaimingOccupancy } from './appointment-repository';
import { isDeadlock, isUniqueViolation } from './occupancy';
import { findOrCreatePatient } from '../patients/find-or-create-patient';
import { transactionScheduleConfig } from './schedule-config-cache';
import { loadScheduleInputs, type ScheduleConfig, type ScheduleInputs } from './schedule-repository';
import type { TCreateBooking } from './schemas';
import { isPublishedPolicyVersion } from '../cancellation-policy/policy-repository';
import { findActivePractitionerId } from '../scheduling-settings/settings-repository';

export type CreateBookingResult =
	/** `pending`: a new patient's booking that waits for the desk; the slot is held meanwhile (issue #17). */
	| { ok: true; appointment: Appointment; manageToken: string; timeZone: string; pending: boolean }
	| { ok: false; code: 'service_not_found' | 'practitioner_not_found' | 'slot_taken' }
	/** The patient already holds the clinic's limit of upcoming visits: nothing was written. */
	| { ok: false; code: 'too_many_upcoming'; limit: number }
	/** The self-check answers say emergency or urgent care: nothing was written (docs/clinical-rules.md §1). */
	| { ok: false; code: 'red_flag'; level: RefusedLevel; reasons: TriageReason[] };

class SlotTaken extends Error {}

/** Thrown inside the transaction so that a patient record made for a refused booking is rolled back. */
class TooManyUpcoming extends Error {
	constructor(readonly limit: number) {
		super('too many upcoming visits');
	}
}

/**
 * One online booking: the slot is checked against the rules again inside the transaction, and the
 * occupancy rows' unique key settles any race, so two people can never get the same practitioner
 * or bed at once (issue #5). Mail goes out through the job queue, after the commit.
 */
export async function createBooking(db: Db, input: TCreateBooking, actor: AuditActor, now = db.clock.now().getTime()): Promise<CreateBookingResult> {
	// Red flags first, before any read or write: someone who needs emergency or urgent care is sent
	// there, and no patient, appointment or mail is left behind (docs/clinical-rules.md §1).
	const triage = input.triage ? triageForBooking(input.triage) : undefined;
	if (triage && !triage.ok) return { ok: false, code: 'red_flag', level: triage.level, reasons: triage.reasons };
	const start = Date.parse(input.start);
	// A lost race on a bed (two people, two practitioners, one first-free bed) is tried again: the
	// second attempt sees the bed taken and picks another. A lost race on the practitioner ends as
	// slot_taken, because the retry no longer finds the slot free.
	for (let attempt = 1; ; attempt++) {
		let result: Awaited<ReturnType<typeof attemptBooking>>;
		try {
			result = await attemptBooking(db, input, triage, start, actor, now);
		} catch (cause) {
			if (cause instanceof TooManyUpcoming) return { ok: false, code: 'too_many_upcoming', limit: cause.limit };
			throw cause;
		}
		if (result !== RACE_LOST) return result;
		if (attempt === 3) return { ok: false, code: 'slot_taken' };
	}
}

const RACE_LOST = Symbol('race lost');

async function attemptBooking(
	db: Db,
	input: TCreateBooking,
	triage: Extract<BookingTriage, { ok: true }> | undefined,
	start: number,
	actor: AuditActor,
	now: number
): Promise<CreateBookingResult | typeof RACE_LOST> {
	try {
		return await withGroupedTransaction(db, async (tx) => {
			const config = await transactionScheduleConfig(tx);
			if (input.practitionerId && !(await isActivePractitioner(tx, config, input.practitionerId)))
				return { ok: false, code: 'practitioner_not_found' } as const;
			const service = config.serviceRows.find((s) => s.id === input.serviceId);
			if (!service || !service.bookable_online || service.is_add_on) return { ok: false, code: 'service_not_found' } as const;
			const timeZone = config.clinic.time_zone;
			const day = localDate(start, timeZone);
			const inputs = await loadScheduleInputs(tx, service, addDays(day, -1), addDays(day, 1), config);
			const slot = pickSlot(
				freeSlots(inputs.rules, inputs.service, inputs.practitioners, inputs.bedIds, inputs.busy, {
					from: day,
					to: day,
					practitionerId: input.practitionerId,
					now
				}),
				start
			);
			if (!slot) return { ok: false, code: 'slot_taken' } as const;

			const { id: patientId, created } = await findOrCreatePatient(tx, input.patient, input.locale);
			// The clinic's booking controls (issue #17): a limit of upcoming visits, and the desk's approval for someone new.
			const standing = await loadBookingStanding(tx, patientId, created, now, config.clinic);
			if (exceedsUpcomingLimit(standing.upcomingVisits, standing.maxUpcomingVisits)) throw new TooManyUpcoming(standing.maxUpcomingVisits);
			const pending = needsApproval(standing.approveNewPatients, standing.seenBefore);
			// The privacy box the schema requires is the patient's consent: kept with its version and time.
			await recordBookingPrivacyConsent(
				tx,
				{ patientId, signedName: `${input.patient.familyName} ${input.patient.givenName}`, ip: actor.ip, userAgent: null },
				actor,
				new Date(now)
			);
			const manageToken = randomToken();
			const appointment = appointmentRow({
				slot,
				patientId,
				serviceId: service.id,
				bufferMinutes: service.buffer_minutes,
				source: 'online',
				locale: input.locale,
				now,
				firstVisit: input.firstVisit,
				triage: input.triage && triage ? { answers: input.triage, level: triage.level, reasons: triage.reasons } : undefined,
				manageTokenHash: sha256Hex(manageToken),
				policyVersion: await acknowledgedPolicyVersion(tx, input.cancellationPolicyVersion),
				approval: pending ? 'pending' : null
			});
			let written: typeof appointment;
			try {
				const capacity = inputs.practitioners.find((p) => p.id === slot.practitionerId)?.capacity ?? 1;
				written = await insertAppointmentClaimingOccupancy(
					tx,
					appointment,
					slot.start,
					{ capacity },
					slot.bedId ? freeBeds(inputs, slot.start, Date.parse(appointment.held_until)) : []
				);
			} catch (cause) {
				if (isUniqueViolation(cause)) throw new SlotTaken();
				throw cause;
			}
			await recordAudit(tx, actor, {
				action: 'booking.create',
				entityType: 'appointment',
				entityId: written.id,
				patientId,
				// The level only, never the answers: audit details carry no health data.
				detail: { source: 'online', serviceId: service.id, selfCheckLevel: triage?.level ?? null, ...(pending ? { approval: 'pending' } : {}) }
			});
			// A request awaiting the desk is told so now; its confirmation and reminder follow the approval.
			const jobs = pending
				? pendingBookingMailJobs(tx.secrets, { appointmentId: written.id, manageToken })
				: bookingMailJobs(tx.secrets, { appointmentId: written.id, manageToken, patientId }, slot.start, now, reminderTimingOf(config.clinic));
			await enqueueJobs(tx, jobs, new Date(now));
			return { ok: true, appointment: written, manageToken, timeZone, pending } as const;
		});
	} catch (cause) {
		// Another booking committed the same grains first: the whole transaction was rolled back.
		if (cause instanceof SlotTaken || isUniqueViolation(cause) || isDeadlock(cause)) return RACE_LOST;
		throw cause;
	}
}

/** The version ticked, when it is one the clinic published; an unknown number is not kept. */
async function acknowledgedPolicyVersion(tx: Db, version: number | undefined): Promise<number | null> {
	if (version === undefined) return null;
	return (await isPublishedPolicyVersion(tx, version)) ? version : null;
}

/** Anyone with working hours in the schedule is active; anyone else is looked up. */
async function isActivePractitioner(tx: Db, config: ScheduleConfig, practitionerId: string): Promise<boolean> {
	if (config.workingHours.some((hours) => hours.practitioner_id === practitionerId)) return true;
	const row = await findActivePractitionerId(tx, practitionerId);
	return row !== undefined;
}

/** The beds free from `start` until `heldUntil` in what the transaction read, in the clinic's order. */
function freeBeds(inputs: ScheduleInputs, start: number, heldUntil: number): string[] {
	return inputs.bedIds.filter((id) => !inputs.busy.some((b) => b.resource.kind === 'bed' && b.resource.id === id && b.start < heldUntil && b.end > start));
}

function pickSlot(slots: readonly Slot[], start: number): Slot | undefined {
	return slots.find((s) => s.start === start);
}
