const PRIVATE_PATH = /^\/(?:en\/)?(?:staff|portal|booking)(?:\/|$)|^\/(?:fhir|ical)\/|^\/api\/v1\/(?:patients|auth)(?:\/|$)/;

/** Staff, portal, manage-link, FHIR, calendar-feed and staff API answers hold personal data. */
export function isPrivatePath(pathname: string): boolean {
	return PRIVATE_PATH.test(pathname);
}

/**
 * Headers every response carries (issue #3, "Run it safely"); the CSP comes from `kit.csp`.
 * Private answers are never kept by a browser or a proxy (issue 16): the back button on a shared
 * desk computer must not show the last patient's chart after sign-out.
 */
export function applySecurityHeaders(headers: Headers, isHttps: boolean, pathname = '/'): void {
	if (isPrivatePath(pathname)) headers.set('Cache-Control', 'no-store');
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (isHttps) headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// JSON and API answers carry no CSP from kit; give them a strict one of their own.
	if (!headers.has('Content-Security-Policy')) {
		headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	}
}
