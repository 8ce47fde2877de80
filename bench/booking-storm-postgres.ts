import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startCluster } from '../tests/support/postgres-cluster';
import { startBuiltServer, type ServerProcess } from '../tests/support/server-process';
import { bookingStorm, type StormResult } from './booking-storm';

export interface PostgresStormRow extends StormResult {
	instances: number;
}

/**
 * The booking storm on PostgreSQL (issue #9): one app instance, then two instances on one database
 * (as compose.yaml runs them), each on a fresh database of one throwaway cluster.
 */
export async function bookingStormOnPostgres(clients = 32): Promise<PostgresStormRow[]> {
	const cluster = await startCluster();
	const rows: PostgresStormRow[] = [];
	try {
		for (const count of [1, 2]) {
			const name = `storm_${count}`;
			const admin = new pg.Client({ connectionString: cluster.url });
			await admin.connect();
			await admin.query(`create database ${name}`);
			await admin.end();
			const url = new URL(cluster.url);
			url.pathname = `/${name}`;
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-bench-pg-'));
			const env = { DATABASE_URL: url.toString(), DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMITS: 'off' };
			// The first instance migrates and seeds; the second joins the seeded database.
			const servers: ServerProcess[] = [await startBuiltServer(env)];
			if (count === 2) servers.push(await startBuiltServer(env));
			try {
				const storm = await bookingStorm(
					servers.map((s) => s.baseUrl),
					clients
				);
				rows.push({ instances: count, ...storm });
			} finally {
				await Promise.all(servers.map((s) => s.stop()));
				fs.rmSync(dataDir, { recursive: true, force: true });
			}
		}
	} finally {
		await cluster.stop();
	}
	return rows;
}
