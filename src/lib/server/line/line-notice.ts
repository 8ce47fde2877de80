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
	| { kind: 'link'; titleKey: string; path: string; /** the path holds a token: sealed under the server key */ sealed?: boolean };

const LINK_PATH_SEAL = 'line-link-path';

/** A link notice whose path carries a token (an offer's page): the job keeps it sealed, never plain. */
export function sealedLinkNotice(secrets: { seal(value: string, context: string): string }, titleKey: string, path: string): LineNotice {
	return { kind: 'link', titleKey, path: secrets.seal(path, LINK_PATH_SEAL), sealed: true };
}

export function openLinkPath(secrets: { open(value: string, context: string): string }, notice: { path: string; sealed?: boolean }): string {
	return notice.sealed ? secrets.open(notice.path, LINK_PATH_SEAL) : notice.path;
}

export const LINE_PUSH_JOB = 'line.push';
export const LINE_EVENT_JOB = 'line.event';
