import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { createPostgresDatabase } from '../../../../tests/support/test-database';
import { recordAudit, SYSTEM_ACTOR } from '../audit/audit-log';
import { readConfig, type AppConfig } from '../config';
import type { Db, DialectName } from '../db/database';
import { allMigrations } from '../db/migrate';
import { withTransaction } from '../db/transaction';
import { findOrCreatePatient } from '../patients/find-or-create-patient';

const TEST_SECRET_KEY = 'a1'.repeat(32);

export const WRITE_ACTION = 'backup_test.write';
const WRITER_FAMILY_NAME = '書込';

/** A scratch folder for one test file, removed with `remove()`. */
export function scratchFolder(): { path: string; remove(): void } {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-backup-'));
	return { path: folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/** Where `npm start` would keep a new clinic: an empty DATA_DIR, or an empty PostgreSQL database. */
export async function newClinicConfig(dialect: DialectName, scratch: string): Promise<AppConfig> {
	return {
		...readConfig({}),
		dataDir: fs.mkdtempSync(path.join(scratch, 'data-')),
		databaseUrl: dialect === 'postgres' ? await createPostgresDatabase() : undefined,
		seedDemo: true,
		// One server key for every clinic of a test run, as an operator restores with the key of the
		// clinic the backup came from: the keyed audit chain verifies only under it.
		secretKey: TEST_SECRET_KEY
	};
}

export interface BusyClinic {
	written(): number;
	stop(): Promise<void>;
}

/**
 * Keeps the clinic writing until stopped. Each write adds a patient and that patient's audit row
 * in one transaction, so a torn backup would show as a patient without its row, or the reverse.
 */
export function keepWriting(db: Db): BusyClinic {
	let stopping = false;
	let written = 0;
	const running = (async () => {
		while (!stopping) {
			const n = written + 1;
			await withTransaction(db, async (tx) => {
				const details = {
					familyName: WRITER_FAMILY_NAME,
					givenName: `${n}号`,
					email: `writer${n}@example.jp`,
					phone: `090-0000-${String(n).padStart(4, '0')}`
				};
				const patient = await findOrCreatePatient(tx, details, 'ja');
				await recordAudit(tx, SYSTEM_ACTOR, { action: WRITE_ACTION, entityType: 'patient', entityId: patient.id, patientId: patient.id });
			});
			written = n;
			// better-sqlite3 answers synchronously: without a turn of the event loop between writes,
			// timers (and everything else the test awaits) would never run.
			await new Promise((resolve) => setImmediate(resolve));
		}
	})();
	return {
		written: () => written,
		stop: async () => {
			stopping = true;
			await running;
		}
	};
}

/** Patients the writer added, and the audit rows it wrote for them: equal in any consistent copy. */
export async function countWrites(db: Db): Promise<{ patients: number; auditRows: number }> {
	const count = async (query: ReturnType<typeof sql<{ n: number | string }>>) => Number((await query.execute(db.kysely)).rows[0]!.n);
	return {
		patients: await count(sql`select count(*) as n from patient where family_name = ${WRITER_FAMILY_NAME}`),
		auditRows: await count(sql`select count(*) as n from audit_log where action = ${WRITE_ACTION}`)
	};
}

export async function waitUntil(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
	const started = performance.now();
	while (!condition()) {
		if (performance.now() - started > timeoutMs) throw new Error('timed out waiting');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

/** The schema as an older shinkyu left it: migrated up to `name` and no further. */
export async function migrateToVersion(db: Db, name: string): Promise<void> {
	const migrations = allMigrations(db.dialect);
	const { error } = await new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations } }).migrateTo(name);
	if (error) throw error;
}
