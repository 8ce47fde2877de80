import type { IntakeStatus } from '$lib/server/db/schema';
import type { MessageKey } from '$lib/i18n/translate';

/** Whether an intake is still being filled in or sent. */

export const INTAKE_STATUS_LABELS: Record<IntakeStatus, MessageKey> = {
	in_progress: 'intake.status.in_progress',
	submitted: 'intake.status.submitted'
};
