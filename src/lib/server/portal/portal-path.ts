/** Where a sign-in link may send the patient afterwards: a portal page, never another site or area. */
const PORTAL_PATH = /^\/portal(\/[A-Za-z0-9_-]+)*$/;

/** The unprefixed portal path to go to after sign-in; `/portal` for anything else. */
export function safePortalPath(next: string | null | undefined): string {
	return next && PORTAL_PATH.test(next) ? next : '/portal';
}
