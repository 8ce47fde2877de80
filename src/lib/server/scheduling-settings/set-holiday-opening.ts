import { japaneseHoliday } from '../../domain/clinic/holidays';
import { addDays, localDate, localInstant } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { countBookedAppointments } from './booked-appointments';
import type { THolidayOpening } from './schemas';
import { setHolidayOpen } from './settings-repository';
import { getClinic } from '../clinic/clinic-repository';

export type SetHolidayOpeningResult = { ok: true; bookedAppointments: number } | { ok: false; code: 'not_a_holiday' | 'in_the_past' };

/**
 * Japanese public holidays are closed unless the owner opens one (a `holiday_opening` row); an
 * opened holiday has the hours of its weekday. Closing it again removes the row.
 */
export async function setHolidayOpening(db: Db, change: THolidayOpening, actor: AuditActor, now = db.clock.now().getTime()): Promise<SetHolidayOpeningResult> {
	if (!japaneseHoliday(change.date)) return { ok: false, code: 'not_a_holiday' };
	return withTransaction(db, async (tx) => {
		const clinic = await getClinic(tx);
		if (change.date < localDate(now, clinic.time_zone)) return { ok: false, code: 'in_the_past' } as const;
		await setHolidayOpen(tx, change.date, change.open);
		const action = change.open ? 'scheduling.holiday_opened' : 'scheduling.holiday_closed';
		await recordAudit(tx, actor, { action, entityType: 'holiday_opening', entityId: change.date });
		if (change.open) return { ok: true, bookedAppointments: 0 } as const;
		const from = new Date(localInstant(change.date, '00:00', clinic.time_zone)).toISOString();
		const to = new Date(localInstant(addDays(change.date, 1), '00:00', clinic.time_zone)).toISOString();
		return { ok: true, bookedAppointments: await countBookedAppointments(tx, { from, to }) } as const;
	});
}
