import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { countBookedAppointments } from './booked-appointments';
import { updatePractitioner } from './settings-repository';

export type SetPractitionerActiveResult = { ok: true; bookedAppointments: number } | { ok: false; code: 'not_found' };

/**
 * An inactive practitioner is offered to nobody. Their booked appointments stay: the owner is
 * told how many there are, to move or cancel them in the schedule.
 */
export async function setPractitionerActive(
	db: Db,
	practitionerId: string,
	active: boolean,
	actor: AuditActor,
	now = db.clock.now().getTime()
): Promise<SetPractitionerActiveResult> {
	return withTransaction(db, async (tx) => {
		if (!(await updatePractitioner(tx, practitionerId, { active: active ? 1 : 0 }))) return { ok: false, code: 'not_found' } as const;
		await recordAudit(tx, actor, {
			action: active ? 'scheduling.practitioner_activated' : 'scheduling.practitioner_deactivated',
			entityType: 'practitioner',
			entityId: practitionerId
		});
		const booked = active ? 0 : await countBookedAppointments(tx, { from: new Date(now).toISOString(), to: '9999-12-31T00:00:00.000Z', practitionerId });
		return { ok: true, bookedAppointments: booked } as const;
	});
}
