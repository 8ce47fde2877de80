import { createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { constantTimeEqual, randomToken, sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import type { LineConfig } from './line-config';
import { LINE_CONSENT_VERSION } from './line-link';
import { claimLoginAttempt, deleteLineLink, insertLineLink, insertLoginAttempt, markConnectTokenUsed } from './line-repository';

/*
 * Connecting LINE from the portal (issue #20) is LINE Login, i.e. OpenID Connect with PKCE. What
 * stops someone from reaching another person's record through it:
 * - `state` is random, used once, short-lived and bound to the portal patient who started the
 *   login: a callback with a forged or someone else's state, or in another portal session, links nothing;
 * - the ID token's signature is checked against LINE's JWKS, with `iss`, `aud` (our channel),
 *   `exp`, and a `nonce` that belongs to this one attempt, so a token replayed from another login
 *   (or another site's channel) is refused;
 * - the LINE user id comes only from the verified token, never from the request;
 * - a one-time link from the follow greeting must name the same LINE user as the login;
 * - a LINE account already linked to another patient is refused, not moved.
 */

const ATTEMPT_TTL_MS = 10 * 60_000;
export const LINE_CALLBACK_PATH = '/portal/line/callback';

export function lineCallbackUrl(origin: string): string {
	return new URL(LINE_CALLBACK_PATH, origin).toString();
}

/** Starts a login for the signed-in patient; returns LINE's authorization address to send them to. */
export async function startLineLogin(
	db: Db,
	input: { patientId: string; connectToken?: string | null },
	config: LineConfig,
	origin: string,
	now = db.clock.now()
): Promise<string> {
	const state = randomToken();
	const nonce = randomToken();
	const verifier = randomToken(32) + randomToken(16);
	await insertLoginAttempt(db, {
		state: sha256Hex(state),
		patient_id: input.patientId,
		nonce,
		code_verifier: db.secrets.seal(verifier, `line-login:${input.patientId}`),
		connect_token_hash: input.connectToken ? sha256Hex(input.connectToken) : null,
		consent_version: LINE_CONSENT_VERSION,
		expires_at: new Date(now.getTime() + ATTEMPT_TTL_MS).toISOString(),
		used_at: null
	});
	const url = new URL('/oauth2/v2.1/authorize', config.loginBase);
	url.search = new URLSearchParams({
		response_type: 'code',
		client_id: config.loginChannelId,
		redirect_uri: lineCallbackUrl(origin),
		state,
		scope: 'openid profile',
		nonce,
		code_challenge: createHash('sha256').update(verifier).digest('base64url'),
		code_challenge_method: 'S256'
	}).toString();
	return url.toString();
}

export type FinishLineLoginResult = { ok: true } | { ok: false; code: 'bad_state' | 'token_failed' | 'mismatch' | 'taken' | 'link_used' };

/** LINE's redirect back: checks everything above, then links the verified LINE user to the patient. */
export async function finishLineLogin(
	db: Db,
	input: { patientId: string; state: string; code: string },
	config: LineConfig,
	origin: string,
	actor: AuditActor,
	now = db.clock.now()
): Promise<FinishLineLoginResult> {
	// Claimed (used) before any call to LINE: the same state can never be finished twice.
	const attempt = await withTransaction(db, async (tx) => {
		const row = await tx.kysely.selectFrom('line_login_attempt').selectAll().where('state', '=', sha256Hex(input.state)).executeTakeFirst();
		if (!row || row.used_at !== null || row.expires_at <= now.toISOString() || row.patient_id !== input.patientId) return null;
		return (await claimLoginAttempt(tx, row.state, now.toISOString())) ? row : null;
	});
	if (!attempt) return { ok: false, code: 'bad_state' };
	const verifier = db.secrets.open(attempt.code_verifier, `line-login:${attempt.patient_id}`);
	const lineUserId = await verifiedLineUser(config, origin, input.code, verifier, attempt.nonce);
	if (!lineUserId) return { ok: false, code: 'token_failed' };

	return withTransaction(db, async (tx) => {
		if (attempt.connect_token_hash) {
			const link = await tx.kysely.selectFrom('line_connect_token').selectAll().where('token_hash', '=', attempt.connect_token_hash).executeTakeFirst();
			if (!link || link.used_at !== null || link.expires_at <= now.toISOString()) return { ok: false, code: 'link_used' } as const;
			if (!constantTimeEqual(link.line_user_id, lineUserId)) return { ok: false, code: 'mismatch' } as const;
			await markConnectTokenUsed(tx, link.token_hash, now.toISOString());
		}
		const holder = await tx.kysely.selectFrom('line_link').select('patient_id').where('line_user_id', '=', lineUserId).executeTakeFirst();
		if (holder && holder.patient_id !== attempt.patient_id) return { ok: false, code: 'taken' } as const;
		await deleteLineLink(tx, attempt.patient_id);
		await insertLineLink(tx, {
			patient_id: attempt.patient_id,
			line_user_id: lineUserId,
			channels: 'both',
			consent_version: attempt.consent_version,
			linked_at: now.toISOString()
		});
		// The id itself stays out of the audit trail, which is kept after deletion: the link is the fact.
		await recordAudit(tx, actor, {
			action: 'line.link',
			entityType: 'patient',
			entityId: attempt.patient_id,
			patientId: attempt.patient_id,
			detail: { consentVersion: attempt.consent_version, viaGreeting: attempt.connect_token_hash !== null }
		});
		return { ok: true } as const;
	});
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function jwksFor(config: LineConfig) {
	const url = `${config.loginApiBase}/oauth2/v2.1/certs`;
	let keys = keySets.get(url);
	if (!keys) {
		keys = createRemoteJWKSet(new URL(url));
		keySets.set(url, keys);
	}
	return keys;
}

/** Exchanges the code (with the PKCE verifier) and verifies the ID token; the LINE user id, or null. */
async function verifiedLineUser(config: LineConfig, origin: string, code: string, verifier: string, nonce: string): Promise<string | null> {
	let idToken: unknown;
	try {
		const response = await fetch(`${config.loginApiBase}/oauth2/v2.1/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				code,
				redirect_uri: lineCallbackUrl(origin),
				client_id: config.loginChannelId,
				client_secret: config.loginChannelSecret,
				code_verifier: verifier
			}),
			signal: AbortSignal.timeout(10_000)
		});
		if (!response.ok) return null;
		idToken = ((await response.json()) as { id_token?: unknown }).id_token;
	} catch {
		return null;
	}
	if (typeof idToken !== 'string') return null;
	try {
		const { payload } = await jwtVerify(idToken, jwksFor(config), { issuer: config.issuer, audience: config.loginChannelId, algorithms: ['ES256'] });
		if (typeof payload.nonce !== 'string' || !constantTimeEqual(payload.nonce, nonce)) return null;
		return typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : null;
	} catch {
		return null;
	}
}
