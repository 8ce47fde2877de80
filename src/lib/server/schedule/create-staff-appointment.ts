import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { insertAppointment } from '../booking/appointment-repository';
import { isUniqueViolation, resourcesOf } from '../booking/occupancy';
import type { Db } from '../db/database';
import { bedExists, findActivePractitionerId, findService, offersService } from '../scheduling-settings/settings-repository';
import type { Appointment } from '../db/schema';
import { bookingMailJobs } from '../booking/booking-mail-jobs';
import { reminderTiming } from '../reminders/reminder-settings';
import { lineConfig, type LineConfig } from '../line/line-config';
import { patientChannels } from '../messaging/patient-channels';
import { randomToken, sha256Hex } from '../crypto';
import { enqueueJobs } from '../jobs/queue';
import { findOrCreatePatient } from '../patients/find-or-create-patient';
import { findPatient, getPatient, updatePatientRow } from '../patients/patient-repository';
import { withTransaction } from '../db/transaction';
import { claimOrThrow, findConflict, OccupancyConflict, type ConflictingAppointment } from './appointment-conflict';
import { pickFreeBed } from './free-bed';
import { fitsOpeningHours, loadWeeklyPeriods } from './opening-hours-fit';
import { ZCreateStaffAppointmentSchema, type TCreateStaffAppointment } from './schemas';
import { getClinic } from '../clinic/clinic-repository';

export type StaffAppointmentResult =
	| {
			ok: true;
			appointment: Appointment;
			patient: { id: string; familyName: string; givenName: string; created: boolean };
			mailed: boolean;
			notified: { mail: boolean; line: boolean };
	  }
	| { ok: false; code: 'conflict'; conflictWith: ConflictingAppointment | null }
	| {
			ok: false;
			code:
				'invalid' | 'patient_not_found' | 'service_not_found' | 'practitioner_not_found' | 'bed_not_found' | 'outside_hours' | 'not_offered' | 'no_bed_free';
	  };

/**
 * An appointment made at the desk or on the phone (issue #6). Staff are not held to the online
 * rules (minimum notice, practitioner hours): any time the clinic is open will do. They can never
 * double-book: the occupancy grains are claimed in the same transaction as the appointment row,
 * and a grain someone else holds rolls the whole thing back and names the appointment in the way.
 */
export async function createStaffAppointment(
	db: Db,
	raw: TCreateStaffAppointment,
	actor: AuditActor,
	line: LineConfig | null = lineConfig()
): Promise<StaffAppointmentResult> {
	const parsed = ZCreateStaffAppointmentSchema.safeParse(raw);
	if (!parsed.success) return { ok: false, code: 'invalid' };
	const input = parsed.data;

	const [service, practitioner, clinic, periods] = await Promise.all([
		findService(db, input.serviceId),
		findActivePractitionerId(db, input.practitionerId),
		getClinic(db),
		loadWeeklyPeriods(db)
	]);
	if (!service) return { ok: false, code: 'service_not_found' };
	if (!practitioner) return { ok: false, code: 'practitioner_not_found' };
	// Which practitioner may give which treatment is a licence question (docs/clinical-rules.md §6: moxibustion
	// needs a きゅう師 licence), so the desk is held to it as well.
	if (!(await offersService(db, practitioner.id, service.id))) return { ok: false, code: 'not_offered' };
	if (input.bedId) {
		if (!(await bedExists(db, input.bedId))) return { ok: false, code: 'bed_not_found' };
	}
	const known = input.patientId ? await findPatient(db, input.patientId, ['id', 'family_name', 'given_name', 'preferred_locale']) : undefined;
	if (input.patientId && !known) return { ok: false, code: 'patient_not_found' };

	const start = Date.parse(input.start);
	const end = start + service.duration_minutes * 60_000;
	const heldUntil = end + service.buffer_minutes * 60_000;
	if (!fitsOpeningHours(periods, start, end, clinic.time_zone)) return { ok: false, code: 'outside_hours' };
	const bedId = input.bedId ?? (service.needs_bed ? await pickFreeBed(db, start, heldUntil) : null);
	if (service.needs_bed && !bedId) return { ok: false, code: 'no_bed_free' };
	const resources = resourcesOf({ practitioner_id: practitioner.id, bed_id: bedId });

	try {
		return await withTransaction(db, async (tx) => {
			const patient = known
				? { id: known.id, familyName: known.family_name, givenName: known.given_name, created: false }
				: {
						...(await findOrCreatePatient(tx, { ...input.newPatient!, email: '' }, 'ja')),
						familyName: input.newPatient!.familyName,
						givenName: input.newPatient!.givenName
					};
			await contactAddress(tx, patient.id, input.email, actor, input.source);
			// A visit booked ahead (by phone, at the desk) gets what an online booking gets: the confirmation
			// with its manage link and the portal invitation, and the reminder, by the patient's chosen
			// channels (mail, LINE or both, messaging/notify-patient.ts). A walk-in is here already.
			const channels = input.source === 'staff' ? await patientChannels(tx, patient.id, line) : null;
			const notified = { mail: channels?.mail ?? false, line: channels?.line ?? false };
			const manageToken = notified.mail || notified.line ? randomToken() : null;
			const appointment: Appointment = {
				id: randomUUID(),
				patient_id: patient.id,
				practitioner_id: practitioner.id,
				bed_id: bedId,
				service_id: service.id,
				starts_at: new Date(start).toISOString(),
				ends_at: new Date(end).toISOString(),
				held_until: new Date(heldUntil).toISOString(),
				status: 'booked',
				source: input.source,
				first_visit: service.new_patient_only,
				triage: null,
				manage_token_hash: manageToken ? sha256Hex(manageToken) : null,
				locale: known?.preferred_locale ?? 'ja',
				note: input.note,
				created_at: tx.clock.now().toISOString(),
				cancelled_at: null,
				red_flag_level: null,
				confirmed_at: null,
				change_requested_at: null,
				answered_via: null,
				triage_level: null,
				triage_reasons: null,
				triage_given_at: null,
				policy_version: null,
				series_id: null,
				approval: null,
				released_from: null
			};
			await insertAppointment(tx, appointment);
			await claimOrThrow(tx, appointment.id, resources, start, heldUntil);
			if (patient.created) {
				await recordAudit(tx, actor, {
					action: 'patient.create',
					entityType: 'patient',
					entityId: patient.id,
					patientId: patient.id,
					detail: { via: input.source }
				});
			}
			await recordAudit(tx, actor, {
				action: 'schedule.create',
				entityType: 'appointment',
				entityId: appointment.id,
				patientId: patient.id,
				detail: { source: input.source, serviceId: service.id, practitionerId: practitioner.id, bedId, start: appointment.starts_at }
			});
			if (manageToken) {
				const now = tx.clock.now();
				await enqueueJobs(
					tx,
					bookingMailJobs(
						tx.secrets,
						{ appointmentId: appointment.id, manageToken, patientId: patient.id },
						start,
						now.getTime(),
						await reminderTiming(tx, line)
					),
					now
				);
			}
			return { ok: true, appointment, patient, mailed: notified.mail, notified } as const;
		});
	} catch (cause) {
		if (cause instanceof OccupancyConflict || isUniqueViolation(cause)) {
			return { ok: false, code: 'conflict', conflictWith: await findConflict(db, resources, start, heldUntil) };
		}
		throw cause;
	}
}

/**
 * The address the patient is reached at: the one on file, or the one the desk was given now, which
 * is then kept on the record (an address on file is never replaced here: the patient's page changes it).
 */
async function contactAddress(db: Db, patientId: string, given: string | undefined, actor: AuditActor, via: string): Promise<string> {
	const row = await getPatient(db, patientId, ['email']);
	if (row.email || !given) return row.email;
	await updatePatientRow(db, patientId, { email: given, email_source: 'desk', updated_at: db.clock.now().toISOString() });
	await recordAudit(db, actor, { action: 'patient.update', entityType: 'patient', entityId: patientId, patientId, detail: { fields: ['email'], via } });
	return given;
}
