/** Headers every response carries (issue #3, "Run it safely"); the CSP comes from `kit.csp`. */
export function applySecurityHeaders(headers: Headers, isHttps: boolean): void {
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
