import { INSURANCE_REFUSAL_LABELS } from '../../domain/billing/billing-labels';
import type { InsuranceRefusal } from '../../domain/billing/charges';
import type { MessageKey } from '../../i18n/translate';

/** The catalogue key that explains an insurance refusal: the 受領委任 reasons (issue #19) live in their own area. */
export function refusalMessageKey(reason: InsuranceRefusal): MessageKey {
	return INSURANCE_REFUSAL_LABELS[reason];
}
