import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../src/lib/server/db/database';
import { startBuiltServer, type ServerProcess } from './server-process';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer';
import { createPostgresDatabase } from './test-database';

export interface TwoInstances {
	smtp: SmtpPeer;
	/** A handle on the shared database, for what the test checks behind the servers' backs. */
	db: Db;
	instances: ServerProcess[];
	stop(): Promise<void>;
}

/**
 * Two built servers on one new PostgreSQL database, as compose.yaml runs them: each instance its
 * own DATA_DIR, one key for both, one SMTP peer. Both migrate and seed at once: only one may seed.
 */
export async function startTwoInstances(name: string): Promise<TwoInstances> {
	const smtp = await startSmtpPeer();
	const databaseUrl = await createPostgresDatabase();
	const secretKey = randomBytes(32).toString('hex');
	const dataDirs: string[] = [];
	const start = () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `shinkyu-${name}-`));
		dataDirs.push(dataDir);
		return startBuiltServer({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SECRET_KEY: secretKey, SMTP_URL: smtp.url, RATE_LIMITS: 'off' });
	};
	const instances = await Promise.all([start(), start()]);
	const db = openDatabase({ databaseUrl, poolSize: 2 });
	return {
		smtp,
		db,
		instances,
		async stop() {
			await Promise.all(instances.map((i) => i.stop()));
			await db.close();
			await smtp.close();
			for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
