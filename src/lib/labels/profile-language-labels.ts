import type { MessageKey } from '$lib/i18n/translate';
import type { ProfileLanguage } from '$lib/domain/scheduling/profile-languages';

/** The languages a practitioner profile can list. */

export const PROFILE_LANGUAGE_LABELS: Record<ProfileLanguage, MessageKey> = {
	ja: 'profiles.language.ja',
	en: 'profiles.language.en',
	zh: 'profiles.language.zh',
	ko: 'profiles.language.ko'
};
