import { localizePath, type Locale } from '../../i18n/locales';

/** Tokens are 32 base32 characters; anything much longer is not worth hashing. */
export const MAX_TOKEN_LENGTH = 128;

/** The patient's link to see or leave the waiting list; the token is its only key (only its hash is stored). */
export function waitlistManageUrl(origin: string, locale: Locale, token: string): string {
	return new URL(localizePath(`/waitlist/${token}`, locale), origin).toString();
}

/** The link in an offer: a page with a button that books the held slot in one step. */
export function waitlistOfferUrl(origin: string, locale: Locale, token: string): string {
	return new URL(localizePath(`/waitlist/offer/${token}`, locale), origin).toString();
}

/** What a sealed token in a queued mail is bound to: it opens only for its own entry or offer. */
export function waitlistTokenContext(kind: 'entry' | 'offer', id: string): string {
	return `waitlist-${kind}-token:${id}`;
}
