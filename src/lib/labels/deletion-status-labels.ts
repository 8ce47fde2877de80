import type { DeletionRequestStatus } from '$lib/server/portal/deletion-request';
import type { MessageKey } from '$lib/i18n/translate';

/** A patient's deletion request's state. */

export const DELETION_STATUS_LABELS: Record<DeletionRequestStatus, MessageKey> = {
	open: 'portal.deletionStatus.open',
	done: 'portal.deletionStatus.done',
	declined: 'portal.deletionStatus.declined'
};
