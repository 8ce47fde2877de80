/*
 * Recall (issue #17): a patient is due to come back when the interval their plan asks for has
 * passed since the last visit (a plan of twice a week: every 4 days), or, without an active plan,
 * the clinic's number of weeks. Only patients with no next visit booked are listed; those who
 * withdrew their consent to reminders are listed (the desk may call) but never invited.
 */
import { addDays } from '../time';

export interface RecallFacts {
	patientId: string;
	/** Clinic-local date (YYYY-MM-DD) of the last visit that took place. */
	lastVisitOn: string;
	/** Visits per week of the active plan, or null without one. */
	planFrequencyPerWeek: number | null;
	hasNextVisit: boolean;
	/** The newest answer to the reminders consent declines or withdraws it. */
	remindersWithdrawn: boolean;
	hasEmail: boolean;
	/** ISO instant of the last invitation, or null. */
	lastInvitedAt: string | null;
}

export type RecallBasis = 'plan' | 'weeks';

export interface RecallEntry extends RecallFacts {
	dueOn: string;
	basis: RecallBasis;
	daysOverdue: number;
	/** Why no invitation can be sent, or null when it can. */
	inviteBlocked: 'reminders_withdrawn' | 'no_email' | null;
}

/** Days between visits that a plan of `perWeek` visits asks for: 7 / perWeek, rounded up, at least one. */
export function planIntervalDays(perWeek: number): number {
	return Math.max(1, Math.ceil(7 / perWeek));
}

/** When the patient is due: by the plan's frequency when there is a usable one, else `recallWeeks` after the last visit. */
export function recallDueOn(lastVisitOn: string, planFrequencyPerWeek: number | null, recallWeeks: number): { dueOn: string; basis: RecallBasis } {
	if (planFrequencyPerWeek !== null && Number.isFinite(planFrequencyPerWeek) && planFrequencyPerWeek > 0) {
		return { dueOn: addDays(lastVisitOn, planIntervalDays(planFrequencyPerWeek)), basis: 'plan' };
	}
	return { dueOn: addDays(lastVisitOn, Math.max(1, Math.round(recallWeeks)) * 7), basis: 'weeks' };
}

/** Whole days from `from` to `to` (clinic-local dates). */
function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The recall list on `today`: due patients without a next visit, the longest overdue first. */
export function recallList(facts: readonly RecallFacts[], today: string, recallWeeks: number): RecallEntry[] {
	const entries: RecallEntry[] = [];
	for (const f of facts) {
		if (f.hasNextVisit) continue;
		const { dueOn, basis } = recallDueOn(f.lastVisitOn, f.planFrequencyPerWeek, recallWeeks);
		if (dueOn > today) continue;
		const inviteBlocked = f.remindersWithdrawn ? 'reminders_withdrawn' : f.hasEmail ? null : 'no_email';
		entries.push({ ...f, dueOn, basis, daysOverdue: daysBetween(dueOn, today), inviteBlocked });
	}
	return entries.sort((a, b) => b.daysOverdue - a.daysOverdue || a.patientId.localeCompare(b.patientId));
}

/** Whether an invitation may go to this patient (the one rule the list and the send both call). */
export function mayInvite(entry: Pick<RecallFacts, 'remindersWithdrawn' | 'hasEmail'>): boolean {
	return !entry.remindersWithdrawn && entry.hasEmail;
}
