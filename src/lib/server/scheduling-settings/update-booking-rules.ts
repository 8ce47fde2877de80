import { checkWholeNumber, CANCELLATION_CUTOFF_HOURS, HORIZON_DAYS, isSlotStep, MIN_NOTICE_MINUTES } from '../../domain/scheduling/settings-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import type { TBookingRules } from './schemas';
import { updateClinic } from '../clinic/clinic-repository';

export type UpdateBookingRulesResult = { ok: true } | { ok: false; code: 'invalid_rules' };

/** Slot step, minimum notice, booking horizon and cancellation cutoff: read by every availability question. */
export async function updateBookingRules(db: Db, rules: TBookingRules, actor: AuditActor): Promise<UpdateBookingRulesResult> {
	const valid =
		isSlotStep(rules.slotStepMinutes) &&
		checkWholeNumber(rules.minNoticeMinutes, MIN_NOTICE_MINUTES) === null &&
		checkWholeNumber(rules.horizonDays, HORIZON_DAYS) === null &&
		checkWholeNumber(rules.cancellationCutoffHours, CANCELLATION_CUTOFF_HOURS) === null;
	if (!valid) return { ok: false, code: 'invalid_rules' };
	return withTransaction(db, async (tx) => {
		await updateClinic(tx, {
			slot_step_minutes: rules.slotStepMinutes,
			min_notice_minutes: rules.minNoticeMinutes,
			horizon_days: rules.horizonDays,
			cancellation_cutoff_hours: rules.cancellationCutoffHours
		});
		await recordAudit(tx, actor, { action: 'scheduling.booking_rules_changed', entityType: 'clinic', detail: { ...rules } });
		return { ok: true } as const;
	});
}
