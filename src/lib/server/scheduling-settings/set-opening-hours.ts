import { randomUUID } from 'node:crypto';
import { weekPeriodsProblem, type WeekdayPeriod } from '../../domain/scheduling/settings-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lockClinic } from './row-locks';
import { replaceOpeningHours } from './settings-repository';

export type SetOpeningHoursResult = { ok: true } | { ok: false; code: 'invalid_periods' };

/** Replaces the clinic's weekly opening hours; a weekday without periods is closed. */
export async function setOpeningHours(db: Db, periods: readonly WeekdayPeriod[], actor: AuditActor): Promise<SetOpeningHoursResult> {
	if (weekPeriodsProblem(periods)) return { ok: false, code: 'invalid_periods' };
	return withTransaction(db, async (tx) => {
		const clinic = await lockClinic(tx);
		await replaceOpeningHours(
			tx,
			clinic.id,
			periods.map((p) => ({ id: randomUUID(), clinic_id: clinic.id, weekday: p.weekday, opens: p.start, closes: p.end }))
		);
		const detail = { periods: periods.map((p) => `${p.weekday} ${p.start}-${p.end}`) };
		await recordAudit(tx, actor, { action: 'scheduling.opening_hours_changed', entityType: 'clinic', entityId: clinic.id, detail });
		return { ok: true } as const;
	});
}
