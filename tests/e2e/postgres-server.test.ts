import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPasswordsFrom, startBuiltServer, type ServerProcess } from '../support/server-process';

/* The same built app, started with DATABASE_URL, runs on PostgreSQL. */

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-pg-app-'));
let databaseUrl = '';
let server: ServerProcess | undefined;

beforeAll(async () => {
	const admin = new pg.Client({ connectionString: inject('postgresUrl') });
	await admin.connect();
	const name = `app_${Date.now()}`;
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(inject('postgresUrl'));
	url.pathname = `/${name}`;
	databaseUrl = url.toString();
	server = await startBuiltServer({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
});

afterAll(async () => {
	await server?.stop();
	fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the app on PostgreSQL', () => {
	it('reports PostgreSQL in its health check', async () => {
		expect(await (await fetch(`${server!.baseUrl}/api/v1/health`)).json()).toMatchObject({ status: 'ok', database: 'postgres' });
	});

	it('seeds the demo clinic and lets its staff sign in', async () => {
		const passwords = demoPasswordsFrom(server!.output());
		const response = await fetch(`${server!.baseUrl}/api/v1/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'practitioner@example.jp', password: passwords['practitioner@example.jp'] })
		});
		expect(response.status).toBe(200);
		const services = await (await fetch(`${server!.baseUrl}/api/v1/services`)).json();
		expect(services.map((s: { code: string }) => s.code)).toEqual(['FIRST', 'FOLLOW', 'EA']);
	});

	it('keeps no SQLite file when running on PostgreSQL', () => {
		expect(fs.existsSync(path.join(dataDir, 'shinkyu.sqlite'))).toBe(false);
	});

	it('refuses to start on a database written by a newer version, and says why', async () => {
		await server!.stop();
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		await client.query(`insert into kysely_migration (name, timestamp) values ('9999_future', '2030-01-01T00:00:00.000Z')`);
		await client.end();
		const attempt = startBuiltServer({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir });
		await expect(attempt).rejects.toThrow(/newer than this version of shinkyu.*9999_future/);
		server = undefined;
	});
});
