import pino from 'pino';

/** JSON logs; request handlers log through a child carrying the request id. No personal data here. */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: { app: 'shinkyu' },
	redact: ['password', 'email', '*.password', '*.email']
});
