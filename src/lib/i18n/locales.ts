export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ja';

export function isLocale(value: unknown): value is Locale {
	return LOCALES.includes(value as Locale);
}

/** Japanese lives at `/…`, English under `/en/…` (the optional `[[lang]]` route parameter). */
export function localeFromPath(pathname: string): Locale {
	return pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'ja';
}

/** `path` is the Japanese (unprefixed) path, e.g. `/staff/login`. */
export function localizePath(path: string, locale: Locale): string {
	if (locale === 'ja') return path;
	return path === '/' ? '/en' : `/en${path}`;
}

/** The same page in the other language (for the switcher and hreflang). */
export function switchLocalePath(pathname: string, to: Locale): string {
	const base = localeFromPath(pathname) === 'en' ? pathname.slice(3) || '/' : pathname;
	return localizePath(base, to);
}

/** The best supported language from an Accept-Language header (used by the JSON API). */
export function localeFromAcceptLanguage(header: string | null): Locale {
	if (!header) return DEFAULT_LOCALE;
	const ranked = header
		.split(',')
		.map((part) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.trim().slice(2)) || 0 : 1 };
		})
		.filter((entry) => isLocale(entry.lang) && entry.q > 0)
		.sort((a, b) => b.q - a.q);
	return (ranked[0]?.lang as Locale | undefined) ?? DEFAULT_LOCALE;
}
