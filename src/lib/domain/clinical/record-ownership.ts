/*
 * Who may change a clinical record (issue 16): the record belongs to the practitioner who wrote it.
 * Another practitioner or reception may not change it; the owner of the clinic may, but only as an
 * amendment with a reason, so the author's entry stays readable as it was. Once a session is
 * closed, every change keeps the earlier values (an amendment), not only after the 24-hour lock
 * (docs/clinical-rules.md §6); a reason is required once the record is locked. Pure.
 */

export type RecordEditRight = 'author' | 'owner_amends' | 'none';

export type EditorRole = 'owner' | 'practitioner' | 'reception';

export function recordEditRight(editor: { staffId: string; role: EditorRole }, authorStaffId: string): RecordEditRight {
	if (editor.staffId === authorStaffId) return 'author';
	return editor.role === 'owner' ? 'owner_amends' : 'none';
}

export interface ChangeRule {
	/** The change is kept as an amendment whose `before` holds the earlier values. */
	amendment: boolean;
	/** The amendment must say why. */
	reasonRequired: boolean;
}

export function sessionChangeRule(right: Exclude<RecordEditRight, 'none'>, state: { closed: boolean; locked: boolean }): ChangeRule {
	if (right === 'owner_amends') return { amendment: true, reasonRequired: true };
	return { amendment: state.closed || state.locked, reasonRequired: state.locked };
}
