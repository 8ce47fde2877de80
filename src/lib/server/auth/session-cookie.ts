import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/*
 * Over HTTPS (ORIGIN starting with https://, which is what the request URL then says) the cookie
 * is named `__Host-…`: browsers accept that name only with Secure, Path=/ and no Domain, so a
 * neighbouring subdomain or a plain-HTTP page cannot plant or shadow the staff session (issue #16).
 * On plain HTTP (development, the tests) the plain name is used, since such a cookie would be refused.
 */

export function sessionCookieName(secure: boolean): string {
	return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function isSecureUrl(url: URL): boolean {
	return url.protocol === 'https:';
}

export function readSessionCookie(cookies: Cookies, secure: boolean): string | undefined {
	return cookies.get(sessionCookieName(secure));
}

/** HttpOnly, SameSite=Lax, and Secure with the `__Host-` name whenever the site is reached over HTTPS. */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(sessionCookieName(secure), token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(sessionCookieName(secure), { path: '/', secure });
}
