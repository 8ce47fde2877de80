import type { ConsentKind } from '$lib/domain/consent/kinds';
import type { MessageKey } from '$lib/i18n/translate';

/** The kinds of consent a patient gives. */

export const CONSENT_KIND_LABELS: Record<ConsentKind, MessageKey> = {
	treatment: 'consent.kind.treatment',
	privacy: 'consent.kind.privacy',
	reminders: 'consent.kind.reminders',
	research: 'consent.kind.research'
};
