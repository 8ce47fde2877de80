/*
 * A mail's copy in the outbox must not be a working key (issue 16): the sign-in, manage and
 * invitation links in it carry bearer tokens. Every such token is made by `randomToken`
 * (server/crypto.ts): base32 in lower case, 32 characters for the default 20 bytes. A path segment
 * or query value of a link made only of that alphabet and at least this long is taken for a token.
 */
const MIN_TOKEN_LENGTH = 20;
const TOKEN = new RegExp(`^[a-z2-7]{${MIN_TOKEN_LENGTH},}$`);
const LINK = /https?:\/\/[^\s<>"')]+/g;

export const REDACTED = '[redacted]';

/** The text with the token in every link replaced by `[redacted]`; everything else as it was. */
export function redactLinks(text: string): string {
	return text.replace(LINK, (link) => link.replace(/[^/?&=#]+/g, (part) => (TOKEN.test(part) ? REDACTED : part)));
}
