import KEYS_BY_COMPONENT from 'virtual:page-message-keys';
import { CATALOGUES } from '$lib/i18n/catalogues';
import type { Locale } from '$lib/i18n/locales';
import type { MessageKey } from '$lib/i18n/translate';

export type PageMessages = Partial<Record<MessageKey, string>>;

/** The route components a page renders: its layouts from the root down, its page, and every error page on the way. */
export function componentsOf(routeId: string): string[] {
	const segments = routeId.split('/').filter(Boolean);
	const dirs = ['src/routes', ...segments.map((_, i) => ['src/routes', ...segments.slice(0, i + 1)].join('/'))];
	return [...dirs.flatMap((dir) => [`${dir}/+layout.svelte`, `${dir}/+error.svelte`]), `${dirs.at(-1)}/+page.svelte`];
}

const cache = new Map<string, PageMessages>();

/**
 * The messages a page's components can show, in one language (issue #21: the browser gets no
 * other). Keys come from vite-plugin-page-messages.ts, which reads each component's graph at
 * build time; pages without `csr` never send them (SvelteKit serializes no data for them).
 */
export function pageMessages(locale: Locale, routeId: string | null): PageMessages {
	const cacheKey = `${locale} ${routeId ?? ''}`;
	let messages = cache.get(cacheKey);
	if (!messages) {
		const keys = new Set(componentsOf(routeId ?? '').flatMap((file) => KEYS_BY_COMPONENT[file] ?? []));
		const catalogue = CATALOGUES[locale];
		messages = Object.fromEntries([...keys].map((key) => [key, catalogue[key as MessageKey]]));
		cache.set(cacheKey, messages);
	}
	return messages;
}
