import type { MessageKey } from '$lib/i18n/translate';
import type { PackageStatus } from '$lib/domain/packages/ledger';

/** A course's state. */

export const PACKAGE_STATUS_LABELS: Record<PackageStatus, MessageKey> = {
	active: 'packages.status.active',
	used_up: 'packages.status.used_up',
	expired: 'packages.status.expired',
	refunded: 'packages.status.refunded'
};
