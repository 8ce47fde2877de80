import type { DepositKind, FilingKind, ManagerLicence } from '$lib/domain/jukyo/registration';
import type { MessageKey } from '$lib/i18n/translate';

/** The choices on the 受領委任 registration settings page. */

export const FILING_KIND_LABELS: Record<FilingKind, MessageKey> = {
	clinic_address: 'jukyoRegistration.settings.filing.clinic_address',
	home_visit_only: 'jukyoRegistration.settings.filing.home_visit_only'
};

export const MANAGER_LICENCE_LABELS: Record<ManagerLicence, MessageKey> = {
	harikyu: 'jukyoRegistration.settings.manager.harikyu',
	massage: 'jukyoRegistration.settings.manager.massage'
};

export const DEPOSIT_KIND_LABELS: Record<DepositKind, MessageKey> = {
	ordinary: 'jukyoRegistration.settings.deposit.ordinary',
	current: 'jukyoRegistration.settings.deposit.current',
	notice: 'jukyoRegistration.settings.deposit.notice',
	special: 'jukyoRegistration.settings.deposit.special'
};
