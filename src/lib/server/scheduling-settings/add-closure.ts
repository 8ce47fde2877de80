import { addDays, localDate, localInstant } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { isUniqueViolation } from '../booking/occupancy';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { countBookedAppointments } from './booked-appointments';
import type { TAddClosure } from './schemas';
import { insertClosure } from './settings-repository';
import { getClinic } from '../clinic/clinic-repository';

export type AddClosureResult = { ok: true; bookedAppointments: number } | { ok: false; code: 'in_the_past' | 'already_closed' };

/** Closes the clinic for a day (a seminar, a summer break): nobody can book it any more. */
export async function addClosure(db: Db, closure: TAddClosure, actor: AuditActor, now = db.clock.now().getTime()): Promise<AddClosureResult> {
	try {
		return await withTransaction(db, async (tx) => {
			const clinic = await getClinic(tx);
			if (closure.date < localDate(now, clinic.time_zone)) return { ok: false, code: 'in_the_past' } as const;
			const existing = await tx.kysely.selectFrom('clinic_closure').select('date').where('date', '=', closure.date).executeTakeFirst();
			if (existing) return { ok: false, code: 'already_closed' } as const;
			await insertClosure(tx, { date: closure.date, reason_ja: closure.reasonJa, reason_en: closure.reasonEn });
			await recordAudit(tx, actor, { action: 'scheduling.closure_added', entityType: 'clinic_closure', entityId: closure.date });
			const from = new Date(localInstant(closure.date, '00:00', clinic.time_zone)).toISOString();
			const to = new Date(localInstant(addDays(closure.date, 1), '00:00', clinic.time_zone)).toISOString();
			return { ok: true, bookedAppointments: await countBookedAppointments(tx, { from, to }) } as const;
		});
	} catch (cause) {
		// Two owners adding the same day at once: the primary key lets one of them in.
		if (isUniqueViolation(cause)) return { ok: false, code: 'already_closed' };
		throw cause;
	}
}
