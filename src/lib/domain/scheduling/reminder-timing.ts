/**
 * Reminder timing, a clinic setting per channel (issue #17): hours before the visit, e.g. "24,2".
 * At most four reminders per channel, each between 1 and 168 hours (a week) before.
 */
export const MAX_REMINDERS = 4;
export const MAX_HOURS_BEFORE = 168;

/** The hours of a stored or typed setting, largest first, duplicates removed; null when it is not valid. */
export function parseReminderHours(text: string): number[] | null {
	const trimmed = text.trim();
	if (trimmed === '') return [];
	const parts = trimmed.split(/[,、\s]+/).filter((part) => part !== '');
	if (parts.length > MAX_REMINDERS) return null;
	const hours: number[] = [];
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part)) return null;
		const value = Number(part);
		if (value < 1 || value > MAX_HOURS_BEFORE) return null;
		if (!hours.includes(value)) hours.push(value);
	}
	return hours.sort((a, b) => b - a);
}

/** A stored setting that no longer parses falls back to one reminder a day before. */
export function storedReminderHours(text: string): number[] {
	return parseReminderHours(text) ?? [24];
}

export function formatReminderHours(hours: readonly number[]): string {
	return hours.join(',');
}

/** The instants a visit's reminders are due at, leaving out those already past. */
export function reminderInstants(start: number, hoursBefore: readonly number[], now: number): Array<{ hoursBefore: number; at: number }> {
	return hoursBefore.map((hours) => ({ hoursBefore: hours, at: start - hours * 3_600_000 })).filter((reminder) => reminder.at > now);
}
