import type { MessageKey } from '$lib/i18n/translate';

/** Where a charge stands against what was received. */

export const CHARGE_STATUS_LABELS: Record<'voided' | 'settled' | 'outstanding' | 'overpaid', MessageKey> = {
	voided: 'billing.desk.status.voided',
	settled: 'billing.desk.status.settled',
	outstanding: 'billing.desk.status.outstanding',
	overpaid: 'billing.desk.status.overpaid'
};
