import path from 'node:path';

/** Everything the app reads from its environment, in one place (docs/contracts.md, command-line contract). */
export interface AppConfig {
	databaseUrl: string | undefined;
	dataDir: string;
	/** The clinic's own instrument definitions (*.json), read once (server/outcomes/clinic-instruments.ts). */
	instrumentsDir: string;
	origin: string | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	seedDemo: boolean;
	/** `RATE_LIMITS=off` lifts the request limits of issue #9: for benchmarks and the shared test server. */
	rateLimits: boolean;
	/** `SECRET_KEY`: the key sealing staff TOTP secrets; without it, `secret.key` in DATA_DIR (auth/secret-key.ts). */
	secretKey: string | undefined;
}

export class MissingOriginError extends Error {
	constructor() {
		super(
			'ORIGIN is not set. In production every link in a mail is built from ORIGIN, the public https:// address of the clinic (for example ORIGIN=https://clinic.example.jp); set it and start again.'
		);
	}
}

/**
 * The address every link the app sends starts with (sign-in links, manage links, invitations,
 * calendar feeds): ORIGIN, never the request's Host header, which anyone can set (issue 16). In
 * production (NODE_ENV=production, as in the Docker image) ORIGIN is required; elsewhere it falls
 * back to this machine, as `npm start` does.
 */
export function linkOrigin(config: AppConfig, env: NodeJS.ProcessEnv = process.env): string {
	if (config.origin) return new URL(config.origin).origin;
	if (env.NODE_ENV === 'production') throw new MissingOriginError();
	return `http://localhost:${env.PORT || 3000}`;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	const dataDir = path.resolve(env.DATA_DIR || 'data');
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir,
		instrumentsDir: path.resolve(env.INSTRUMENTS_DIR || path.join(dataDir, 'instruments')),
		origin: env.ORIGIN || undefined,
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM || 'shinkyu <no-reply@example.jp>',
		seedDemo: env.SHINKYU_DEMO !== '0',
		rateLimits: env.RATE_LIMITS !== 'off',
		secretKey: env.SECRET_KEY || undefined
	};
}
