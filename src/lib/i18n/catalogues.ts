import type { Locale } from './locales';
import { en } from './messages/en';
import { ja, type MessageKey } from './messages/ja';

/**
 * Both complete catalogues, for the server (pages, mail, PDFs, the API). The browser build never
 * gets this module: vite-plugin-page-messages.ts puts `page-catalogue.ts` in its place, filled
 * with the page's own messages in its own language (issue #21).
 */
export const CATALOGUES: Record<Locale, Partial<Record<MessageKey, string>>> = { ja, en };
