import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session';

/*
 * Over HTTPS (ORIGIN starting with https://, which is what the request URL then says) a session
 * cookie is named `__Host-…`: browsers accept that name only with Secure, Path=/ and no Domain, so a
 * neighbouring subdomain or a plain-HTTP page cannot plant or shadow a session (issue #16). On plain
 * HTTP (development, the tests) the plain name is used, since such a cookie would be refused. The
 * staff console and the patient portal follow the same rule.
 */

/** The portal's session cookie; only the token's hash is stored (see portal/patient-session.ts). */
export const PATIENT_SESSION_COOKIE = 'shinkyu_patient';

export function hostCookieName(name: string, secure: boolean): string {
	return secure ? `__Host-${name}` : name;
}

export function sessionCookieName(secure: boolean): string {
	return hostCookieName(SESSION_COOKIE, secure);
}

export function isSecureUrl(url: URL): boolean {
	return url.protocol === 'https:';
}

export function readSessionCookie(cookies: Cookies, secure: boolean, name = SESSION_COOKIE): string | undefined {
	return cookies.get(hostCookieName(name, secure));
}

/** HttpOnly, SameSite=Lax, and Secure with the `__Host-` name whenever the site is reached over HTTPS. */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean, name = SESSION_COOKIE): void {
	cookies.set(hostCookieName(name, secure), token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(cookies: Cookies, secure: boolean, name = SESSION_COOKIE): void {
	cookies.delete(hostCookieName(name, secure), { path: '/', secure });
}
