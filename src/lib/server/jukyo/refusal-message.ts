import type { InsuranceRefusal } from '../../domain/billing/charges';
import type { MessageKey } from '../../i18n/translate';

const JUKYO_REFUSALS = [
	'no_eligibility_this_month',
	'eligibility_not_confirmed',
	'eligibility_expired',
	'old_card_grace_over',
	'doctor_treats_condition'
] as const;
type JukyoRefusal = (typeof JUKYO_REFUSALS)[number];

/** The catalogue key that explains an insurance refusal: the 受領委任 reasons (issue #19) live in their own area. */
export function refusalMessageKey(reason: InsuranceRefusal): MessageKey {
	if ((JUKYO_REFUSALS as readonly string[]).includes(reason)) return `jukyoRegistration.refusal.${reason as JukyoRefusal}`;
	return `billing.refusal.${reason as Exclude<InsuranceRefusal, JukyoRefusal>}`;
}
