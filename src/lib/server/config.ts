import path from 'node:path';

/** Everything the app reads from its environment, in one place (ARCHITECTURE: command-line contract). */
export interface AppConfig {
	databaseUrl: string | undefined;
	dataDir: string;
	origin: string | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	seedDemo: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: path.resolve(env.DATA_DIR || 'data'),
		origin: env.ORIGIN || undefined,
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM || 'shinkyu <no-reply@example.jp>',
		seedDemo: env.SHINKYU_DEMO !== '0'
	};
}
