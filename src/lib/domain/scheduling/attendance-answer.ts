/**
 * The patient's answer to a reminder (issue #17): "I'll come" or "I need to change". One rule for
 * the mail's answer page, LINE's postback and the desk, so all three record the same thing.
 */
export type AttendanceChoice = 'come' | 'change';
export type AnswerChannel = 'mail' | 'line' | 'desk';

export interface AnswerableVisit {
	status: string;
	startsAt: number;
}

export type AttendanceDecision = { ok: true; confirmedAt: string | null; changeRequestedAt: string | null } | { ok: false; code: 'not_open' };

/**
 * Only a booked visit that has not yet begun can be answered. The last answer counts: "change"
 * after "come" clears the confirmation, and "come" after "change" clears the request.
 */
export function decideAttendanceAnswer(visit: AnswerableVisit, choice: AttendanceChoice, now: number): AttendanceDecision {
	if (visit.status !== 'booked' || now >= visit.startsAt) return { ok: false, code: 'not_open' };
	const at = new Date(now).toISOString();
	return choice === 'come' ? { ok: true, confirmedAt: at, changeRequestedAt: null } : { ok: true, confirmedAt: null, changeRequestedAt: at };
}

export function isAttendanceChoice(value: unknown): value is AttendanceChoice {
	return value === 'come' || value === 'change';
}
