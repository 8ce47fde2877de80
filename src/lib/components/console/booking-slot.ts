import { clockTime } from '../../format';

/** The calendar's first and last time: the day's opening hours, or a plain working day when closed. */
export function workingHours(open: Array<{ start: number; end: number }>, timeZone: string): { min: string; max: string } {
	if (open.length === 0) return { min: '09:00:00', max: '19:00:00' };
	const start = Math.min(...open.map((p) => p.start));
	const end = Math.max(...open.map((p) => p.end));
	return { min: `${clockTime(start, timeZone)}:00`, max: `${clockTime(end, timeZone)}:00` };
}

/**
 * A click on an empty slot fills the desk's booking form (the same form that works without
 * JavaScript) with the day, the time and the column's practitioner or bed, and takes the desk to it.
 */
export function fillBookingForm(slot: { date: string; time: string; resourceId?: string }, columns: 'practitioner' | 'bed'): void {
	const set = (id: string, value: string) => {
		const field = document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
		if (field && (!(field instanceof HTMLSelectElement) || [...field.options].some((o) => o.value === value))) field.value = value;
	};
	set('create-date', slot.date);
	set('create-time', slot.time);
	if (slot.resourceId) set(columns === 'bed' ? 'create-bed' : 'create-practitioner', slot.resourceId);
	// A patient search reloads the page: it carries the chosen slot, which the server fills in again.
	const search = document.querySelector<HTMLFormElement>('#create form.search');
	if (search) {
		const keep = { date: slot.date, time: slot.time, ...(slot.resourceId ? { [columns]: slot.resourceId } : {}) };
		for (const [name, value] of Object.entries(keep)) {
			let input = search.querySelector<HTMLInputElement>(`input[type=hidden][name=${name}]`);
			if (!input) {
				input = document.createElement('input');
				input.type = 'hidden';
				input.name = name;
				search.append(input);
			}
			input.value = value;
		}
	}
	document.getElementById('create')?.scrollIntoView({ block: 'start' });
	document.getElementById('patient-q')?.focus({ preventScroll: true });
}

/**
 * Enter or a click on a calendar event: the desk list's row for it, where its forms are (arrived,
 * charge, move, cancel), focused so the keyboard carries on from there. False when the row is not
 * on this page.
 */
export function focusDeskRow(id: string): boolean {
	const row = document.getElementById(`appt-${id}`);
	if (!row) return false;
	row.tabIndex = -1;
	row.scrollIntoView({ block: 'center' });
	row.focus({ preventScroll: true });
	return true;
}
