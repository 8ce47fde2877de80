import { randomUUID } from 'node:crypto';
import { localInstant } from '../../domain/time';
import { checkTimeOff, type TimeOffProblem } from '../../domain/scheduling/settings-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { countBookedAppointments } from './booked-appointments';
import type { TAddTimeOff } from './schemas';
import { insertTimeOff } from './settings-repository';
import { getClinic } from '../clinic/clinic-repository';

export type AddTimeOffResult = { ok: true; timeOffId: string; bookedAppointments: number } | { ok: false; code: 'not_found' | TimeOffProblem };

/**
 * Time off from–to, typed as the clinic's wall-clock time and stored as UTC instants. Nobody can
 * book the practitioner in it; appointments already booked in it are counted for the owner.
 */
export async function addTimeOff(
	db: Db,
	practitionerId: string,
	input: TAddTimeOff,
	actor: AuditActor,
	now = db.clock.now().getTime()
): Promise<AddTimeOffResult> {
	return withTransaction(db, async (tx) => {
		const practitioner = await tx.kysely.selectFrom('practitioner').select('id').where('id', '=', practitionerId).executeTakeFirst();
		if (!practitioner) return { ok: false, code: 'not_found' } as const;
		const clinic = await getClinic(tx);
		const start = localInstant(input.from.date, input.from.time, clinic.time_zone);
		const end = localInstant(input.to.date, input.to.time, clinic.time_zone);
		const problem = checkTimeOff(start, end, now);
		if (problem) return { ok: false, code: problem } as const;
		const id = randomUUID();
		const range = { from: new Date(start).toISOString(), to: new Date(end).toISOString() };
		await insertTimeOff(tx, { id, practitioner_id: practitionerId, starts_at: range.from, ends_at: range.to, note: input.note });
		// The note may say why someone is away: it stays out of the audit log.
		await recordAudit(tx, actor, {
			action: 'scheduling.time_off_added',
			entityType: 'practitioner',
			entityId: practitionerId,
			detail: { timeOffId: id, ...range }
		});
		return { ok: true, timeOffId: id, bookedAppointments: await countBookedAppointments(tx, { ...range, practitionerId }) } as const;
	});
}
