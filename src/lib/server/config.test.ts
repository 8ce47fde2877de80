import { describe, expect, it } from 'vitest';
import { linkOrigin, MissingOriginError, readConfig } from './config';

describe('linkOrigin', () => {
	it('builds links from ORIGIN alone, without a trailing path', () => {
		expect(linkOrigin(readConfig({ ORIGIN: 'https://clinic.example.jp/' }), {})).toBe('https://clinic.example.jp');
	});

	it('refuses to serve production without ORIGIN rather than trust the request’s Host', () => {
		expect(() => linkOrigin(readConfig({ NODE_ENV: 'production' }), { NODE_ENV: 'production' })).toThrow(MissingOriginError);
	});

	it('points at this machine outside production, on the port it serves', () => {
		expect(linkOrigin(readConfig({}), { PORT: '4100' })).toBe('http://localhost:4100');
		expect(linkOrigin(readConfig({}), {})).toBe('http://localhost:3000');
	});
});
