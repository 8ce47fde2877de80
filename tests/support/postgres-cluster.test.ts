import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startCluster } from './postgres-cluster';

/* `npm test` needs only Node: without the machine's PostgreSQL, the one from npm serves the tests. */
describe('the test run’s PostgreSQL', () => {
	it('starts the server the npm package ships, answers SQL and is gone after stop', async () => {
		const previous = process.env.SHINKYU_TEST_POSTGRES;
		process.env.SHINKYU_TEST_POSTGRES = 'embedded';
		const cluster = await startCluster().finally(() => {
			if (previous === undefined) delete process.env.SHINKYU_TEST_POSTGRES;
			else process.env.SHINKYU_TEST_POSTGRES = previous;
		});
		try {
			expect(cluster.source).toBe('embedded');
			const client = new pg.Client({ connectionString: cluster.url });
			await client.connect();
			const { rows } = await client.query<{ fsync: string; version: string }>("select current_setting('fsync') as fsync, version() as version");
			await client.end();
			expect(rows[0]!.version).toMatch(/^PostgreSQL \d+/);
			expect(rows[0]!.fsync).toBe('off');
		} finally {
			await cluster.stop();
		}
		const after = new pg.Client({ connectionString: cluster.url, connectionTimeoutMillis: 2_000 });
		await expect(after.connect()).rejects.toThrow();
	}, 120_000);
});
