import type { MessageKey } from '$lib/i18n/translate';
import type { RecallEntry } from '$lib/domain/patients/recall';

/** Why a recall invitation cannot go out. */

export const RECALL_BLOCKED_LABELS: Record<NonNullable<RecallEntry['inviteBlocked']>, MessageKey> = {
	reminders_withdrawn: 'recall.blocked.reminders_withdrawn',
	no_email: 'recall.blocked.no_email'
};
