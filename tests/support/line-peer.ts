import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/*
 * A local stand-in for the parts of LINE that shinkyu talks to (issue #20): the Messaging API
 * (push, reply, profile, bot info, quota) and LINE Login (authorize, token with an ES256 ID token,
 * JWKS). It records every request, so tests can check the authorization header, the retry key and
 * the message shapes, and it can be told to fail the next pushes.
 */

export interface RecordedRequest {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: unknown;
	rawBody: string;
}

export interface LinePeerOptions {
	channelAccessToken: string;
	loginChannelId: string;
	loginChannelSecret: string;
}

export interface LinePeer {
	baseUrl: string;
	requests: RecordedRequest[];
	/** Status codes the next pushes answer with, in order (then 200). */
	/** The next pushes fail with these statuses; `{ status, headers }` adds response headers (a Retry-After). */
	failNextPushes(statuses: Array<number | { status: number; headers: Record<string, string> }>): void;
	/** Who logs in at the next authorize call (the LINE user id the ID token names). */
	nextLoginUser: string;
	/** Claims the next ID token gets instead of the right ones (a wrong nonce, audience …), for attack tests. */
	tamperNextIdToken: Record<string, unknown> | null;
	/** Signs an ID token as the peer's key would, for tests that forge or replay one. */
	signIdToken(claims: Record<string, unknown>): Promise<string>;
	pushes(): RecordedRequest[];
	replies(): RecordedRequest[];
	close(): Promise<void>;
}

export const PEER_OPTIONS: LinePeerOptions = {
	channelAccessToken: 'test-channel-access-token',
	loginChannelId: '1650000000',
	loginChannelSecret: 'login-secret'
};
export const PEER_CHANNEL_SECRET = 'test-channel-secret';

/** The environment that points shinkyu at a peer. */
export function lineEnvFor(peer: Pick<LinePeer, 'baseUrl'>, options: LinePeerOptions = PEER_OPTIONS): Record<string, string> {
	return {
		LINE_CHANNEL_SECRET: PEER_CHANNEL_SECRET,
		LINE_CHANNEL_ACCESS_TOKEN: options.channelAccessToken,
		LINE_LOGIN_CHANNEL_ID: options.loginChannelId,
		LINE_LOGIN_CHANNEL_SECRET: options.loginChannelSecret,
		LINE_API_BASE: peer.baseUrl,
		LINE_LOGIN_BASE: peer.baseUrl
	};
}

/** The X-Line-Signature LINE would send for a body. */
export function signWebhook(body: string, secret = PEER_CHANNEL_SECRET): string {
	return createHmac('sha256', secret).update(body).digest('base64');
}

export async function startLinePeer(options: LinePeerOptions = PEER_OPTIONS): Promise<LinePeer> {
	const { privateKey, publicKey } = await generateKeyPair('ES256');
	const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'peer-key', alg: 'ES256', use: 'sig' };
	const requests: RecordedRequest[] = [];
	const failures: Array<number | { status: number; headers: Record<string, string> }> = [];
	const acceptedRetryKeys = new Set<string>();
	const codes = new Map<string, { sub: string; nonce: string; challenge: string; redirectUri: string }>();
	let baseUrl = '';

	const signIdToken = (claims: Record<string, unknown>) =>
		new SignJWT(claims)
			.setProtectedHeader({ alg: 'ES256', kid: 'peer-key' })
			.setIssuedAt()
			.setIssuer(baseUrl)
			.setAudience(options.loginChannelId)
			.setExpirationTime('10m')
			.sign(privateKey);

	const peer: LinePeer = {
		baseUrl: '',
		requests,
		nextLoginUser: 'U00000000000000000000000000000001',
		tamperNextIdToken: null,
		failNextPushes: (statuses) => void failures.push(...statuses),
		signIdToken,
		pushes: () => requests.filter((r) => r.path === '/v2/bot/message/push'),
		replies: () => requests.filter((r) => r.path === '/v2/bot/message/reply'),
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};

	const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
		res.writeHead(status, { 'content-type': 'application/json', ...headers });
		res.end(JSON.stringify(body));
	};
	const authorized = (req: IncomingMessage) => req.headers.authorization === `Bearer ${options.channelAccessToken}`;

	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void (async () => {
				const rawBody = Buffer.concat(chunks).toString('utf8');
				const url = new URL(req.url ?? '/', baseUrl);
				let body: unknown = rawBody;
				try {
					body = rawBody ? JSON.parse(rawBody) : null;
				} catch {
					body = Object.fromEntries(new URLSearchParams(rawBody));
				}
				requests.push({ method: req.method ?? 'GET', path: url.pathname, headers: req.headers, body, rawBody });
				const route = `${req.method} ${url.pathname}`;
				if (route.startsWith('GET /oauth2/v2.1/authorize')) {
					const code = randomUUID();
					codes.set(code, {
						sub: peer.nextLoginUser,
						nonce: url.searchParams.get('nonce') ?? '',
						challenge: url.searchParams.get('code_challenge') ?? '',
						redirectUri: url.searchParams.get('redirect_uri') ?? ''
					});
					const back = new URL(url.searchParams.get('redirect_uri')!);
					back.searchParams.set('code', code);
					back.searchParams.set('state', url.searchParams.get('state') ?? '');
					res.writeHead(302, { location: back.toString() });
					return res.end();
				}
				if (route === 'POST /oauth2/v2.1/token') {
					const form = new URLSearchParams(rawBody);
					const issued = codes.get(form.get('code') ?? '');
					codes.delete(form.get('code') ?? '');
					const challenge = createHash('sha256')
						.update(form.get('code_verifier') ?? '')
						.digest('base64url');
					if (
						!issued ||
						issued.challenge !== challenge ||
						form.get('client_id') !== options.loginChannelId ||
						form.get('client_secret') !== options.loginChannelSecret ||
						form.get('redirect_uri') !== issued.redirectUri
					) {
						return send(res, 400, { error: 'invalid_grant' });
					}
					const tamper = peer.tamperNextIdToken;
					peer.tamperNextIdToken = null;
					let idToken = await signIdToken({ sub: issued.sub, nonce: issued.nonce, name: 'LINE user', ...(tamper ?? {}) });
					if (tamper && 'aud' in tamper)
						idToken = await new SignJWT({ sub: issued.sub, nonce: issued.nonce })
							.setProtectedHeader({ alg: 'ES256', kid: 'peer-key' })
							.setIssuedAt()
							.setIssuer(baseUrl)
							.setAudience(String(tamper.aud))
							.setExpirationTime('10m')
							.sign(privateKey);
					if (tamper && 'exp' in tamper)
						idToken = await new SignJWT({ sub: issued.sub, nonce: issued.nonce })
							.setProtectedHeader({ alg: 'ES256', kid: 'peer-key' })
							.setIssuedAt(Number(tamper.exp) - 600)
							.setIssuer(baseUrl)
							.setAudience(options.loginChannelId)
							.setExpirationTime(Number(tamper.exp))
							.sign(privateKey);
					return send(res, 200, { access_token: randomUUID(), token_type: 'Bearer', expires_in: 2592000, scope: 'openid profile', id_token: idToken });
				}
				if (route === 'GET /oauth2/v2.1/certs') return send(res, 200, { keys: [jwk] });
				if (!authorized(req)) return send(res, 401, { message: 'Authentication failed' });
				if (route === 'POST /v2/bot/message/push') {
					const key = req.headers['x-line-retry-key'];
					const failure = failures.shift();
					if (typeof failure === 'number') return send(res, failure, { message: 'failure the test asked for' });
					if (failure) return send(res, failure.status, { message: 'failure the test asked for' }, failure.headers);
					if (typeof key === 'string') {
						if (acceptedRetryKeys.has(key))
							return send(res, 409, { message: 'The retry key is already accepted' }, { 'x-line-accepted-request-id': 'earlier' });
						acceptedRetryKeys.add(key);
					}
					return send(res, 200, { sentMessages: [{ id: randomUUID(), quoteToken: 'q' }] });
				}
				if (route === 'POST /v2/bot/message/reply') return send(res, 200, { sentMessages: [{ id: randomUUID() }] });
				if (route === 'GET /v2/bot/info')
					return send(res, 200, { userId: 'Ubot', basicId: '@000test', displayName: 'ふじ鍼灸院', chatMode: 'bot', markAsReadMode: 'auto' });
				if (route === 'GET /v2/bot/message/quota') return send(res, 200, { type: 'limited', value: 200 });
				if (route === 'GET /v2/bot/message/quota/consumption') return send(res, 200, { totalUsage: acceptedRetryKeys.size });
				if (req.method === 'GET' && url.pathname.startsWith('/v2/bot/profile/'))
					return send(res, 200, { userId: url.pathname.split('/').pop(), displayName: 'LINE user' });
				return send(res, 404, { message: 'Not found' });
			})().catch((cause) => send(res, 500, { message: String(cause) }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	peer.baseUrl = baseUrl;
	return peer;
}
