/*
 * Where a form may send the desk back after it is saved: only a path of this site's staff pages
 * (`/staff/…` or `/en/staff/…`), with an optional query, so a posted `returnTo` can never become an
 * open redirect (another host, a scheme, `//host`, a backslash, a `..` segment or an encoded one).
 */

const STAFF_PATH = /^\/(?:en\/)?staff(?:\/[A-Za-z0-9_\-.~]+)*\/?(?:\?[A-Za-z0-9_\-.~=&%+]*)?$/;

/** The path itself when it is a same-site staff path, else null. */
export function safeStaffReturnPath(raw: unknown): string | null {
	if (typeof raw !== 'string' || raw.length === 0 || raw.length > 500) return null;
	if (!STAFF_PATH.test(raw)) return null;
	const [path] = raw.split('?', 1) as [string];
	if (path.split('/').some((segment) => segment === '.' || segment === '..')) return null;
	return raw;
}

/** `path` with one more query parameter, whether it has a query already or not. */
export function withQuery(path: string, name: string, value: string): string {
	return `${path}${path.includes('?') ? '&' : '?'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
}
