import type { MessageKey } from '$lib/i18n/translate';
import type { MissingItem } from '$lib/domain/jukyo/registration';

/** What the 受領委任 registration still lacks (a missing submission destination names its insurer kind: `jukyoRegistration.missing.submissionFor`). */

export const REGISTRATION_MISSING_LABELS: Record<MissingItem, MessageKey> = {
	facility_name: 'jukyoRegistration.missing.facility_name',
	facility_postal_code: 'jukyoRegistration.missing.facility_postal_code',
	facility_address: 'jukyoRegistration.missing.facility_address',
	facility_phone: 'jukyoRegistration.missing.facility_phone',
	facility_filing_kind: 'jukyoRegistration.missing.facility_filing_kind',
	founder_name: 'jukyoRegistration.missing.founder_name',
	manager_harikyu: 'jukyoRegistration.missing.manager_harikyu',
	manager_registration_number: 'jukyoRegistration.missing.manager_registration_number',
	manager_start: 'jukyoRegistration.missing.manager_start',
	manager_not_started: 'jukyoRegistration.missing.manager_not_started',
	practitioners: 'jukyoRegistration.missing.practitioners',
	account_deposit_kind: 'jukyoRegistration.missing.account_deposit_kind',
	account_bank: 'jukyoRegistration.missing.account_bank',
	account_branch: 'jukyoRegistration.missing.account_branch',
	account_number: 'jukyoRegistration.missing.account_number',
	account_holder: 'jukyoRegistration.missing.account_holder',
	submissions: 'jukyoRegistration.missing.submissions',
	online_eligibility: 'jukyoRegistration.missing.online_eligibility'
};
