import pg from 'pg';
import { startCluster } from '../tests/support/postgres-cluster';
import type { StormResult } from './booking-storm';
import { runLoad } from './load';
import { startApp, type BenchServer } from './servers';

export interface PostgresStormRow extends StormResult {
	instances: number;
}

/**
 * The booking storm on PostgreSQL (issue #9): one app instance, then two instances on one database
 * (as compose.yaml runs them), each on a fresh database of one throwaway cluster that runs durable
 * (fsync on, as in production). The clients run in a process of their own (bench/load.ts).
 */
export async function bookingStormOnPostgres(clients = 32, warmUp = 400, instances: readonly number[] = [1, 2]): Promise<PostgresStormRow[]> {
	const cluster = await startCluster({ durable: true });
	const rows: PostgresStormRow[] = [];
	try {
		for (const count of instances) {
			const name = `storm_${count}`;
			const admin = new pg.Client({ connectionString: cluster.url });
			await admin.connect();
			await admin.query(`create database ${name}`);
			await admin.end();
			const url = new URL(cluster.url);
			url.pathname = `/${name}`;
			// The first instance migrates and seeds; the second joins the seeded database.
			const servers: BenchServer[] = [await startApp({ databaseUrl: url.toString() })];
			try {
				if (count === 2) servers.push(await startApp({ databaseUrl: url.toString() }));
				const storm = await runLoad({ kind: 'storm', bases: servers.map((s) => s.baseUrl), clients, warmUp });
				rows.push({ instances: count, ...storm });
			} finally {
				await Promise.all(servers.map((s) => s.stop()));
			}
		}
	} finally {
		await cluster.stop();
	}
	return rows;
}
