import type { RecallEntry } from '$lib/domain/patients/recall';
import type { MessageKey } from '$lib/i18n/translate';

/** Why sending a recall invitation was refused (the server says it; the page only shows the message). */

export const RECALL_REFUSED_LABELS: Record<NonNullable<RecallEntry['inviteBlocked']>, MessageKey> = {
	reminders_withdrawn: 'recall.refused.reminders_withdrawn',
	no_email: 'recall.refused.no_email'
};
