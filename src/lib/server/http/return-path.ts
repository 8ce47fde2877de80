/*
 * Where the app may send someone after a form: a path the request names (the sign-in's `next`, a
 * form's posted `returnTo`), followed only when it is a path of this site, so it can never become an
 * open redirect. One check, isSameSitePath, for every such path; the staff pages' return target adds
 * only that the path is a staff page.
 *
 * The path refused: one not starting with `/`, or starting with `//` (another host); a backslash
 * (browsers read `/\host` as `//host`); a control character (browsers drop tabs and newlines from a
 * URL, so `/\t/evil.example` would become `//evil.example`, and a carriage return cannot go into a
 * header at all); a `.` or `..` segment, or one written encoded (`%2e%2e`); an empty segment; a
 * fragment, a space or any character a URL would have encoded; more than 500 characters.
 */

const MAX_LENGTH = 500;
const SEGMENT = '(?:[A-Za-z0-9_\\-.~]|%[0-9A-Fa-f]{2})+';
const QUERY = '[A-Za-z0-9_\\-.~=&%+]*';
const SAME_SITE_PATH = new RegExp(`^/(?:${SEGMENT}(?:/${SEGMENT})*/?)?(?:\\?${QUERY})?$`);
// eslint-disable-next-line no-control-regex -- the control characters are what is refused
const BACKSLASH_OR_CONTROL = /[\\\u0000-\u001f\u007f]/;
/** A staff page: `/staff` or `/en/staff`, then its own segments (never `/staffroom`). */
const STAFF_PREFIX = /^\/(?:en\/)?staff(?:[/?]|$)/;

function isDotSegment(segment: string): boolean {
	const decoded = segment.replace(/%2e/gi, '.');
	return decoded === '.' || decoded === '..';
}

/** The one rule: a path on this site that every browser reads as one. */
export function isSameSitePath(raw: unknown): raw is string {
	if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return false;
	if (!raw.startsWith('/') || raw.startsWith('//') || BACKSLASH_OR_CONTROL.test(raw)) return false;
	if (!SAME_SITE_PATH.test(raw)) return false;
	const [path] = raw.split('?', 1) as [string];
	return !path.split('/').some(isDotSegment);
}

/** Where signing in leads: the page asked for (`next`) when it is a path on this site, else `fallback`. */
export function safeNextPath(next: string | null, fallback: string): string {
	return isSameSitePath(next) ? next : fallback;
}

/** Where a staff form sends the desk back: the path itself when it is a same-site staff page, else null. */
export function safeStaffReturnPath(raw: unknown): string | null {
	return isSameSitePath(raw) && STAFF_PREFIX.test(raw) ? raw : null;
}

/** `path` with one more query parameter, whether it has a query already or not. */
export function withQuery(path: string, name: string, value: string): string {
	return `${path}${path.includes('?') ? '&' : '?'}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
}
