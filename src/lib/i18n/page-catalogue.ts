import type { Locale } from './locales';
import type { MessageKey } from './messages/ja';

/**
 * The browser's catalogue (vite-plugin-page-messages.ts swaps it in for `catalogues.ts`): empty
 * until the page's data brings the messages its components can show, in the page's language
 * (`src/lib/server/i18n/page-messages.ts`, received in `[[lang=lang]]/+layout.svelte`).
 */
export const CATALOGUES: Record<Locale, Partial<Record<MessageKey, string>>> = { ja: {}, en: {} };

/** Adds the page's messages; a later page's messages join them (client-side navigation). */
export function receiveMessages(locale: Locale, messages: Partial<Record<MessageKey, string>> | undefined): void {
	if (messages) Object.assign(CATALOGUES[locale], messages);
}
