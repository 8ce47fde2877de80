import type { InsuredCondition } from '$lib/domain/billing/insured-conditions';
import type { MessageKey } from '$lib/i18n/translate';

/** The six conditions a doctor can consent to for insured treatment. */

export const INSURED_CONDITION_LABELS: Record<InsuredCondition, MessageKey> = {
	neuralgia: 'billing.condition.neuralgia',
	rheumatism: 'billing.condition.rheumatism',
	cervicobrachial_syndrome: 'billing.condition.cervicobrachial_syndrome',
	frozen_shoulder: 'billing.condition.frozen_shoulder',
	lumbago: 'billing.condition.lumbago',
	whiplash_sequelae: 'billing.condition.whiplash_sequelae'
};
