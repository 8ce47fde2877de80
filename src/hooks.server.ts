import { error, redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { localeFromAcceptLanguage, localeFromPath, localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { getApp } from '$lib/server/app';
import { validateSession } from '$lib/server/auth/session';
import { clearSessionCookie, isSecureUrl, PATIENT_SESSION_COOKIE, readSessionCookie } from '$lib/server/auth/session-cookie';
import { MissingOriginError } from '$lib/server/config';
import { SchemaTooNewError } from '$lib/server/db/migrate';
import { apiError } from '$lib/server/http/api-response';
import { createRequestLimits } from '$lib/server/http/rate-limit';
import { rateLimitedResponse } from '$lib/server/http/rate-limited-response';
import { newRequestId } from '$lib/server/http/request-context';
import { decideAccess, ROUTE_ACCESS } from '$lib/server/http/route-access';
import { fhirAccessRefused } from '$lib/server/fhir/fhir-response';
import { validatePatientSession } from '$lib/server/portal/patient-session';
import { applySecurityHeaders } from '$lib/server/http/security-headers';
import { logger } from '$lib/server/log';

export const init: ServerInit = async () => {
	try {
		await getApp();
	} catch (cause) {
		if (cause instanceof SchemaTooNewError || cause instanceof MissingOriginError) {
			console.error(`shinkyu cannot start: ${cause.message}`);
			process.exit(1);
		}
		throw cause;
	}
};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Issue #9: counts for sign-in, sign-in links, booking, contact and the self-check, per process. */
const requestLimits = createRequestLimits();

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const isApi = event.url.pathname.startsWith('/api/');
	event.locals.requestId = newRequestId();
	event.locals.locale = isApi ? localeFromAcceptLanguage(event.request.headers.get('accept-language')) : localeFromPath(event.url.pathname);
	const { db, mailer, config, secrets, origin } = await getApp();
	event.locals.origin = origin;
	event.locals.db = db;
	event.locals.mailer = mailer;
	event.locals.secrets = secrets;

	const secure = isSecureUrl(event.url);
	const token = readSessionCookie(event.cookies, secure);
	event.locals.session = token ? await validateSession(db, token) : null;
	if (token && !event.locals.session) clearSessionCookie(event.cookies, secure);
	const patientToken = readSessionCookie(event.cookies, secure, PATIENT_SESSION_COOKIE);
	event.locals.patientSession = patientToken ? await validatePatientSession(db, patientToken) : null;
	if (patientToken && !event.locals.patientSession) clearSessionCookie(event.cookies, secure, PATIENT_SESSION_COOKIE);

	// After the sessions are read: the code step of sign-in is counted against its pending account.
	const retryAfterSeconds = config.rateLimits ? await requestLimits.check(event) : null;
	let response =
		retryAfterSeconds !== null
			? rateLimitedResponse(event, isApi, retryAfterSeconds)
			: await guard(event, isApi, () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) }));
	if (isApi && response.status >= 500) response = await inContractErrorShape(response);
	response.headers.set('X-Request-Id', event.locals.requestId);
	applySecurityHeaders(response.headers, event.url.protocol === 'https:', event.url.pathname);
	logger.info(
		{
			requestId: event.locals.requestId,
			method: event.request.method,
			route: event.route.id,
			status: response.status,
			ms: Math.round(performance.now() - started)
		},
		'request'
	);
	return response;
};

async function guard(event: RequestEvent, isApi: boolean, resolve: () => Response | Promise<Response>): Promise<Response> {
	const { locale } = event.locals;
	if (isApi && MUTATING.has(event.request.method)) {
		const type = event.request.headers.get('content-type') ?? '';
		if (!/^application\/json\b/i.test(type)) {
			return apiError(415, 'unsupported_media_type', translate(locale, 'api.unsupportedMediaType'));
		}
	}
	// No route matched: the framework answers with the localized 404 page.
	if (!event.route.id) return resolve();

	const session = event.locals.session;
	const viewer = session ? { role: session.staff.role, secondFactorDone: session.secondFactorDone, totpEnabled: session.staff.totp_enabled === 1 } : null;
	const decision = decideAccess(ROUTE_ACCESS[event.route.id], viewer, event.locals.patientSession !== null);
	if (decision === 'allow') return resolve();
	if (event.url.pathname.startsWith('/fhir/')) return fhirAccessRefused(decision === 'forbidden' ? 'forbidden' : 'unauthorized');
	if (isApi) {
		return decision === 'forbidden'
			? apiError(403, 'forbidden', translate(locale, 'api.forbidden'))
			: apiError(401, 'unauthorized', translate(locale, 'api.unauthorized'));
	}
	if (decision === 'forbidden') error(403, translate(locale, 'error.forbiddenTitle'));
	const target = {
		sign_in: `/staff/login?next=${encodeURIComponent(event.url.pathname)}`,
		patient_sign_in: '/portal/login',
		second_factor: '/staff/login/totp',
		enrol: '/staff/account/totp'
	}[decision];
	redirect(303, localizePath(target, locale));
}

/** An unexpected API failure still answers in the contract's error shape, with its error id. */
async function inContractErrorShape(response: Response): Promise<Response> {
	const body = await response
		.clone()
		.json()
		.catch(() => null);
	if (!body || 'error' in body) return response;
	return apiError(response.status, 'internal_error', String(body.message ?? ''), undefined, {
		...(body.errorId ? { 'x-error-id': String(body.errorId) } : {})
	});
}

export const handleError: HandleServerError = ({ error: cause, event, status }) => {
	const errorId = crypto.randomUUID();
	const locale = event.locals.locale ?? localeFromPath(event.url.pathname);
	if (status === 404) return { message: translate(locale, 'error.notFoundTitle') };
	// A malformed request (an undecodable address, say) is the client's mistake, not ours.
	if (status < 500) {
		logger.warn({ requestId: event.locals.requestId, status, route: event.route.id }, 'bad request');
		return { message: translate(locale, 'error.badRequestTitle') };
	}
	logger.error({ errorId, requestId: event.locals.requestId, route: event.route.id, err: cause }, 'unexpected error');
	return { message: translate(locale, 'error.serverTitle'), errorId };
};
