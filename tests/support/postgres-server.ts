import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { startBuiltServer, type ServerProcess } from './server-process';

export interface PostgresServer extends ServerProcess {
	databaseUrl: string;
	/** Stops the server and removes its data directory. */
	dispose(): Promise<void>;
}

/**
 * The built app on a new database of the run's one PostgreSQL cluster, for the HTTP tests that
 * must prove something on PostgreSQL too. `env` adds to or overrides the server's environment.
 */
export async function startPostgresServer(label: string, env: Record<string, string> = {}): Promise<PostgresServer> {
	const admin = new pg.Client({ connectionString: inject('postgresUrl') });
	await admin.connect();
	const name = `${label}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(inject('postgresUrl'));
	url.pathname = `/${name}`;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `shinkyu-${label}-`));
	const server = await startBuiltServer({ DATABASE_URL: url.toString(), DATA_DIR: dataDir, RATE_LIMITS: 'off', ...env });
	return {
		...server,
		databaseUrl: url.toString(),
		async dispose() {
			await server.stop();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
