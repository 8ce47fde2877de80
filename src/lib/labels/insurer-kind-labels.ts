import type { InsurerKind } from '$lib/domain/jukyo/registration';
import type { MessageKey } from '$lib/i18n/translate';

/** The kinds of insurer a claim goes to. */

export const INSURER_KIND_LABELS: Record<InsurerKind, MessageKey> = {
	kokuho: 'jukyoRegistration.settings.insurerKind.kokuho',
	koki: 'jukyoRegistration.settings.insurerKind.koki',
	kyokai: 'jukyoRegistration.settings.insurerKind.kyokai',
	kumiai: 'jukyoRegistration.settings.insurerKind.kumiai',
	kyosai: 'jukyoRegistration.settings.insurerKind.kyosai'
};
