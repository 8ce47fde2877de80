import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LOG_OPTIONS } from './log';

describe('logger', () => {
	it('writes an error without the values a database error carries', () => {
		const lines: string[] = [];
		const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
		const child = pino(LOG_OPTIONS, sink);
		child.error({ err: Object.assign(new Error('insert failed'), { detail: 'Key (email)=(hanako@example.jp) already exists.' }) }, 'unexpected error');
		child.warn({ err: 'rejected <taro@example.jp>' }, 'mail delivery failed');
		expect(lines).toHaveLength(2);
		expect(lines.join('')).not.toContain('example.jp');
		expect(JSON.parse(lines[0]!).err).toMatchObject({ type: 'Error', message: 'insert failed' });
	});
});
