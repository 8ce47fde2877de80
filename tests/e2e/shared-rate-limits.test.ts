import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type ServerProcess } from '../support/server-process';
import { createPostgresDatabase } from '../support/test-database';

/*
 * Issue 16: behind a proxy that spreads clients over two instances, a client meets each limit once,
 * not once per instance: the counts live in the shared PostgreSQL database.
 */
let instances: ServerProcess[] = [];
const dataDirs: string[] = [];

beforeAll(async () => {
	const databaseUrl = await createPostgresDatabase();
	const start = () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-limits-'));
		dataDirs.push(dataDir);
		return startBuiltServer({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, ADDRESS_HEADER: 'x-forwarded-for', SHINKYU_DEMO: '0' });
	};
	instances = [await start(), await start()];
});

afterAll(async () => {
	await Promise.all(instances.map((i) => i.stop()));
	for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const triage = (n: number, address: string) =>
	fetch(`${instances[n % 2]!.baseUrl}/api/v1/triage`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
		body: JSON.stringify({ answers: {} })
	});

describe('rate limits on two instances of one PostgreSQL database', () => {
	it('allows one address 60 self-checks in 10 minutes across both instances, not 60 on each', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 80; i++) statuses.push((await triage(i, '198.51.100.40')).status);
		expect(statuses.filter((s) => s !== 429)).toHaveLength(60);
		expect(statuses.slice(60).every((s) => s === 429)).toBe(true);
		// Another address is served by either instance.
		expect((await triage(0, '198.51.100.41')).status).not.toBe(429);
		expect((await triage(1, '198.51.100.41')).status).not.toBe(429);
	});
});
