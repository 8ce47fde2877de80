/**
 * What a LINE push says, kept in the job as plain values and turned into words only when it is
 * sent, in the patient's language (issue #20). Nothing here may carry health information: a notice
 * names an appointment (its time is read at sending), or a portal or booking path to link to.
 */
export type LineNotice =
	| { kind: 'booking_confirmation'; appointmentId: string; /** sealed */ manageToken?: string }
	| { kind: 'booking_reminder'; appointmentId: string; /** sealed */ manageToken?: string }
	/** A portal link only: the advice itself stays in the portal. */
	| { kind: 'aftercare' }
	/**
	 * Any other message that is a title and a link (a waiting-list offer, a recall invitation): the
	 * title is a message key in `line.` or another area, the path is localized for the patient.
	 */
	| { kind: 'link'; titleKey: string; path: string };

export const LINE_PUSH_JOB = 'line.push';
export const LINE_EVENT_JOB = 'line.event';
