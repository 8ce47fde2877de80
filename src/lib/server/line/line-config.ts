/**
 * LINE's settings, from the environment (issue #20; docs/contracts.md, command-line contract).
 * Without the Messaging API channel's secret and token nothing about LINE shows or runs; LINE Login
 * (linking from the portal) needs its own channel id and secret as well.
 */
export interface LineConfig {
	channelSecret: string;
	channelAccessToken: string;
	loginChannelId: string;
	loginChannelSecret: string;
	/** The Messaging API's address (`https://api.line.me`); tests point it at a local peer. */
	apiBase: string;
	/** LINE Login's authorization page (`https://access.line.me`); the token, JWKS and ID token come from `loginApiBase`. */
	loginBase: string;
	/** LINE Login's API (`https://api.line.me`): token endpoint and JWKS; follows LINE_API_BASE unless LINE_LOGIN_BASE is set. */
	loginApiBase: string;
	/** The ID token's issuer. */
	issuer: string;
}

export const OFFICIAL_API_BASE = 'https://api.line.me';
export const OFFICIAL_LOGIN_BASE = 'https://access.line.me';
export const OFFICIAL_ISSUER = 'https://access.line.me';

/** Null unless every one of the four secrets is set. */
export function readLineConfig(env: NodeJS.ProcessEnv): LineConfig | null {
	const { LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN, LINE_LOGIN_CHANNEL_ID, LINE_LOGIN_CHANNEL_SECRET } = env;
	if (!LINE_CHANNEL_SECRET || !LINE_CHANNEL_ACCESS_TOKEN || !LINE_LOGIN_CHANNEL_ID || !LINE_LOGIN_CHANNEL_SECRET) return null;
	const apiBase = trimSlash(env.LINE_API_BASE || OFFICIAL_API_BASE);
	const loginBase = trimSlash(env.LINE_LOGIN_BASE || OFFICIAL_LOGIN_BASE);
	// With a local peer for both (the tests), the login API is the same peer; LINE itself issues from access.line.me.
	const loginApiBase = env.LINE_LOGIN_BASE ? loginBase : apiBase;
	return {
		channelSecret: LINE_CHANNEL_SECRET,
		channelAccessToken: LINE_CHANNEL_ACCESS_TOKEN,
		loginChannelId: LINE_LOGIN_CHANNEL_ID,
		loginChannelSecret: LINE_LOGIN_CHANNEL_SECRET,
		apiBase,
		loginBase,
		loginApiBase,
		issuer: env.LINE_LOGIN_BASE ? loginBase : OFFICIAL_ISSUER
	};
}

let cached: { config: LineConfig | null } | undefined;

/** This process's LINE settings, read once. */
export function lineConfig(): LineConfig | null {
	cached ??= { config: readLineConfig(process.env) };
	return cached.config;
}

function trimSlash(url: string): string {
	return url.replace(/\/+$/, '');
}
