import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';

const servers: ServerProcess[] = [];
const dirs: string[] = [];
function tempDir() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-extra-'));
	dirs.push(dir);
	return dir;
}
afterAll(async () => {
	await Promise.all(servers.map((s) => s.stop()));
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('behind an HTTPS proxy (ORIGIN is https)', () => {
	it('marks the session cookie Secure and sends HSTS', async () => {
		const server = await startBuiltServer({ DATA_DIR: tempDir(), ORIGIN: 'https://clinic.example.jp' });
		servers.push(server);
		const passwords = demoPasswordsFrom(server.output());
		const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'reception@example.jp', password: passwords['reception@example.jp'] })
		});
		expect(response.status).toBe(200);
		// Over HTTPS the cookie takes the __Host- name (issue #16): Secure, Path=/, no Domain.
		const cookies = response.headers.getSetCookie();
		expect(cookies.find((c) => c.startsWith('shinkyu_staff='))).toBeUndefined();
		const cookie = cookies.find((c) => c.startsWith('__Host-shinkyu_staff='))!;
		expect(cookie).toMatch(/;\s*Secure/i);
		expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
		expect(cookie).not.toMatch(/Domain=/i);
		expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
		// The server reads the session back under that name: the pending sign-in is sent to enrol.
		const next = await fetch(`${server.baseUrl}/staff`, { headers: { cookie: cookie.split(';')[0]! }, redirect: 'manual' });
		expect(next.headers.get('location')).toBe('/staff/account/totp');
	});
});

describe('when the database goes away under a running server', () => {
	it('shows a page with an error id, leaks nothing, and reports 503 from the health check', async () => {
		const admin = new pg.Client({ connectionString: inject('postgresUrl') });
		await admin.connect();
		const name = `gone_${Date.now()}`;
		await admin.query(`create database ${name}`);
		const url = new URL(inject('postgresUrl'));
		url.pathname = `/${name}`;
		const server = await startBuiltServer({ DATA_DIR: tempDir(), DATABASE_URL: url.toString(), LOG_LEVEL: 'silent' });
		servers.push(server);
		await admin.query(`drop database ${name} with (force)`);
		await admin.end();

		const page = await fetch(`${server.baseUrl}/en`);
		expect(page.status).toBe(500);
		const html = await page.text();
		expect(html).toContain('Something went wrong');
		expect(html).toMatch(/Error ID: [0-9a-f-]{36}/);
		expect(html).not.toMatch(/postgres|database .* does not exist|at \w+ \(/i);

		const services = await fetch(`${server.baseUrl}/api/v1/services`, { headers: { 'accept-language': 'en' } });
		expect(services.status).toBe(500);
		expect(await services.json()).toEqual({ error: { code: 'internal_error', message: 'Something went wrong' } });
		expect(services.headers.get('x-error-id')).toMatch(/^[0-9a-f-]{36}$/);

		const health = await fetch(`${server.baseUrl}/api/v1/health`, { headers: { 'accept-language': 'en' } });
		expect(health.status).toBe(503);
		expect(await health.json()).toEqual({ error: { code: 'database_unavailable', message: 'The database cannot be reached.' } });
	});
});
