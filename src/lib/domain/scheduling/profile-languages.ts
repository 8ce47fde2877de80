/** The languages a practitioner can list on their profile (issue #22), in the order shown. */
export const PROFILE_LANGUAGES = ['ja', 'en', 'zh', 'ko'] as const;
export type ProfileLanguage = (typeof PROFILE_LANGUAGES)[number];

export function isProfileLanguage(code: string): code is ProfileLanguage {
	return (PROFILE_LANGUAGES as readonly string[]).includes(code);
}

/** The stored comma-separated list (`ja,en`) as known codes in the shown order; unknown codes are dropped. */
export function parseLanguages(stored: string): ProfileLanguage[] {
	const codes = new Set(stored.split(',').map((c) => c.trim()));
	return PROFILE_LANGUAGES.filter((code) => codes.has(code));
}

/** The codes as stored: known ones only, once each, in the shown order. */
export function formatLanguages(codes: readonly string[]): string {
	return parseLanguages(codes.join(',')).join(',');
}
