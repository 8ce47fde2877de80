import { randomUUID } from 'node:crypto';
import { weekPeriodsProblem, type WeekdayPeriod } from '../../domain/scheduling/settings-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lockPractitioner } from './row-locks';
import { replacePractitionerHours } from './settings-repository';

export type SetPractitionerHoursResult = { ok: true } | { ok: false; code: 'not_found' | 'invalid_periods' };

/**
 * Replaces a practitioner's weekly working hours; the gap between two periods of a day is their
 * break. Availability offers only the part inside the clinic's opening hours.
 */
export async function setPractitionerHours(
	db: Db,
	practitionerId: string,
	periods: readonly WeekdayPeriod[],
	actor: AuditActor
): Promise<SetPractitionerHoursResult> {
	if (weekPeriodsProblem(periods)) return { ok: false, code: 'invalid_periods' };
	return withTransaction(db, async (tx) => {
		const practitioner = await lockPractitioner(tx, practitionerId);
		if (!practitioner) return { ok: false, code: 'not_found' } as const;
		await replacePractitionerHours(
			tx,
			practitionerId,
			periods.map((p) => ({ id: randomUUID(), practitioner_id: practitionerId, weekday: p.weekday, starts: p.start, ends: p.end }))
		);
		const detail = { periods: periods.map((p) => `${p.weekday} ${p.start}-${p.end}`) };
		await recordAudit(tx, actor, { action: 'scheduling.practitioner_hours_changed', entityType: 'practitioner', entityId: practitionerId, detail });
		return { ok: true } as const;
	});
}
