import { randomUUID } from 'node:crypto';
import { LONGEST_HOLD_MINUTES } from '../../domain/scheduling/settings-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { insertAppointment } from '../booking/appointment-repository';
import { isUniqueViolation, resourcesOf } from '../booking/occupancy';
import type { Db } from '../db/database';
import { bedExists, findActivePractitionerId } from '../scheduling-settings/settings-repository';
import type { Appointment } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { claimOrThrow, findConflict, OccupancyConflict, type ConflictingAppointment } from './appointment-conflict';
import { ZBlockTimeSchema, type TBlockTime } from './schemas';

/** A block longer than a day is time off, which the practitioner's settings hold instead. */
const MAX_BLOCK_MS = LONGEST_HOLD_MINUTES * 60_000;

export type BlockTimeResult =
	| { ok: true; appointment: Appointment }
	| { ok: false; code: 'conflict'; conflictWith: ConflictingAppointment | null }
	| { ok: false; code: 'invalid' | 'invalid_range' | 'practitioner_not_found' | 'bed_not_found' };

/**
 * Keeps a practitioner (and a bed, if named) free of bookings for a while: a meeting, a home
 * visit, a bed under repair. It is an appointment row with status `blocked`, source `block` and no
 * patient, so it claims occupancy like any booking and online availability already avoids it.
 */
export async function blockTime(db: Db, raw: TBlockTime, actor: AuditActor): Promise<BlockTimeResult> {
	const parsed = ZBlockTimeSchema.safeParse(raw);
	if (!parsed.success) return { ok: false, code: 'invalid' };
	const input = parsed.data;
	const start = Date.parse(input.start);
	const end = Date.parse(input.end);
	if (!(start < end) || end - start > MAX_BLOCK_MS) return { ok: false, code: 'invalid_range' };

	const practitioner = await findActivePractitionerId(db, input.practitionerId);
	if (!practitioner) return { ok: false, code: 'practitioner_not_found' };
	if (input.bedId && !(await bedExists(db, input.bedId))) {
		return { ok: false, code: 'bed_not_found' };
	}
	const resources = resourcesOf({ practitioner_id: practitioner.id, bed_id: input.bedId ?? null });

	try {
		return await withTransaction(db, async (tx) => {
			const appointment: Appointment = {
				id: randomUUID(),
				patient_id: null,
				practitioner_id: practitioner.id,
				bed_id: input.bedId ?? null,
				service_id: null,
				starts_at: new Date(start).toISOString(),
				ends_at: new Date(end).toISOString(),
				held_until: new Date(end).toISOString(),
				status: 'blocked',
				source: 'block',
				first_visit: 0,
				triage: null,
				manage_token_hash: null,
				locale: 'ja',
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
			// Blocked time takes every place the practitioner has.
			await claimOrThrow(tx, appointment.id, resources, start, end, true);
			await recordAudit(tx, actor, {
				action: 'schedule.block',
				entityType: 'appointment',
				entityId: appointment.id,
				detail: { practitionerId: practitioner.id, bedId: appointment.bed_id, start: appointment.starts_at, end: appointment.ends_at }
			});
			return { ok: true, appointment } as const;
		});
	} catch (cause) {
		if (cause instanceof OccupancyConflict || isUniqueViolation(cause)) {
			return { ok: false, code: 'conflict', conflictWith: await findConflict(db, resources, start, end) };
		}
		throw cause;
	}
}
