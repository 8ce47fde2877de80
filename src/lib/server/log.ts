import pino from 'pino';
import { safeError } from './log-safe-error';

/** JSON logs; request handlers log through a child carrying the request id. No personal data here. */
export const LOG_OPTIONS: pino.LoggerOptions = {
	level: process.env.LOG_LEVEL ?? 'info',
	base: { app: 'shinkyu' },
	// Every `err` passes through safeError, whether an Error or a message string.
	serializers: { err: safeError },
	redact: ['password', 'email', '*.password', '*.email']
};

export const logger = pino(LOG_OPTIONS);
