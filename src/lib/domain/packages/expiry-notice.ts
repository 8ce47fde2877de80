/**
 * When a course's holder is told that its visits are about to expire (issue #18): 30 and 7 days
 * before its last valid day. A notice is owed from its day until the last valid day, so a daily run
 * that was missed sends it late rather than never; each notice goes once, and a later one (7 days)
 * makes an earlier one that was never sent (30 days) pointless.
 */
export const NOTICE_DAYS = [30, 7] as const;
export type NoticeDays = (typeof NOTICE_DAYS)[number];

/**
 * The notice owed today, or null.
 * @param daysLeft days from today to the last valid day (0 on the last valid day itself).
 * @param sent the notices already sent for this course.
 */
export function dueExpiryNotice(daysLeft: number, sent: readonly number[]): NoticeDays | null {
	if (!Number.isInteger(daysLeft) || daysLeft < 0) return null;
	// The nearest notice whose day has come: 30 from day 30 to day 8, 7 from day 7 on.
	const owed = [...NOTICE_DAYS].sort((a, b) => a - b).find((days) => daysLeft <= days);
	if (owed === undefined) return null;
	return sent.some((days) => days <= owed) ? null : owed;
}
