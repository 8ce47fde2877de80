import type { MessageKey } from '$lib/i18n/translate';
import type { StaffRole } from '$lib/server/db/schema';

/** A staff member's role. */

export const STAFF_ROLE_LABELS: Record<StaffRole, MessageKey> = {
	owner: 'role.owner',
	practitioner: 'role.practitioner',
	reception: 'role.reception'
};
