import path from 'node:path';
import { sql } from 'kysely';
import pkg from '../../../package.json' with { type: 'json' };
import type { SecretBox } from './auth/secret-box';
import { loadSecretKey } from './auth/secret-key';
import { sealPlainTotpSecrets } from './auth/second-factor';
import { linkOrigin, readConfig, type AppConfig } from './config';
import { ensureDefaultConsentDocuments } from './consent/default-documents';
import { openDatabase, type Db } from './db/database';
import { migrateToLatest } from './db/migrate';
import { withTransaction } from './db/transaction';
import { logger } from './log';
import { ensurePrivateFolder } from './private-files';
import { queuedMailer } from './mail/mail-jobs';
import { createMailer, type Mailer } from './mail/mailer';
import { auditHeadFileOf, startAuditHeadWriter, stopAuditHeadWriter } from './audit/audit-head';
import { scheduleAuditVerification } from './audit/scheduled-verification';
import { schedulePruning } from './jobs/prune';
import { startJobWorker, stopJobWorker, wakeJobWorker } from './jobs/worker';
import { clinicInstruments } from './outcomes/clinic-instruments';
import { scheduleNeverCameDeletion } from './privacy/delete-never-came';
import { schedulePackageDaily } from './packages/package-daily';
import { seedDemoAppointments } from './seed/demo-appointments';
import { seedDemoHistory } from './seed/demo-history';
import { seedDemoWaitlist } from './seed/demo-waitlist';
import { seedDemoRecall } from './seed/demo-recall';
import { seedDemoOpenSession } from './seed/demo-open-session';
import { seedDemoSeries } from './seed/demo-series';
import { seedDemoJukyo } from './seed/demo-jukyo';
import { seedDemoClaimStatus } from './seed/demo-claim-status';
import { seedDemoPackages } from './seed/demo-packages';
import { seedDemoJukyoMonth } from './seed/demo-jukyo-month';
import { seedDemoProfiles } from './seed/demo-profiles';
import { seedClinic, seedDemoClinic, type DemoAccount } from './seed/demo-clinic';
import { findClinic } from './clinic/clinic-repository';

export const APP_VERSION: string = pkg.version;

export interface App {
	config: AppConfig;
	db: Db;
	mailer: Mailer;
	/** Seals and opens the staff TOTP secrets. */
	secrets: SecretBox;
	/** Where every link the app sends points (config.ts, linkOrigin). */
	origin: string;
}

export interface StartReport {
	appliedMigrations: string[];
	demoAccounts: DemoAccount[] | null;
}

/** The SQLite file in DATA_DIR (used when DATABASE_URL is unset); backup and restore work on it too. */
export function sqliteFileOf(config: AppConfig): string {
	return path.join(config.dataDir, 'shinkyu.sqlite');
}

/** `serving`: for the long-running server, which checkpoints SQLite on a thread of its own. */
export function openAppDatabase(config: AppConfig, serving = false): Db {
	// Created 0700 (or tightened), also when the database itself is on PostgreSQL: the key is here.
	ensurePrivateFolder(config.dataDir);
	return openDatabase({
		databaseUrl: config.databaseUrl,
		sqliteFile: sqliteFileOf(config),
		backgroundCheckpoints: serving,
		secretKey: loadSecretKey(config)
	});
}

/** Migrates and, on a new database, seeds. Used by the server at start and by `npm run migrate`. */
export async function prepareDatabase(db: Db, config: AppConfig): Promise<StartReport> {
	const { applied } = await migrateToLatest(db);
	await ensureDefaultConsentDocuments(db);
	// Several app instances may start together on one new PostgreSQL database: only one seeds.
	const demoAccounts = await withTransaction(db, async (tx) => {
		if (tx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7231002)`.execute(tx.kysely);
		const hasClinic = await findClinic(tx);
		if (hasClinic) return null;
		if (!config.seedDemo) {
			await seedClinic(tx, false);
			return null;
		}
		const accounts = await seedDemoClinic(tx);
		await seedDemoProfiles(tx);
		await seedDemoAppointments(tx);
		await seedDemoHistory(tx);
		await seedDemoRecall(tx);
		await seedDemoOpenSession(tx);
		await seedDemoWaitlist(tx);
		await seedDemoSeries(tx);
		await seedDemoJukyo(tx);
		await seedDemoClaimStatus(tx);
		await seedDemoPackages(tx);
		await seedDemoJukyoMonth(tx);
		return accounts;
	});
	return { appliedMigrations: applied, demoAccounts };
}

export function formatDemoAccounts(accounts: DemoAccount[]): string {
	const lines = accounts.map((a) => `  ${a.role.padEnd(13)} ${a.email.padEnd(26)} ${a.password}`);
	return [
		'',
		'  Demo clinic seeded. These passwords are shown only once; nothing stores them in plain text:',
		...lines,
		'  The owner sets up an authenticator app at first sign-in.',
		''
	].join('\n');
}

let current: Promise<App> | undefined;

export function getApp(): Promise<App> {
	current ??= (async () => {
		const config = readConfig();
		const origin = linkOrigin(config);
		if (config.databaseUrl && !config.secretKey) {
			logger.warn(
				'SECRET_KEY is not set: this instance seals TOTP secrets with its own secret.key in DATA_DIR; instances sharing a database need one SECRET_KEY'
			);
		}
		const db = openAppDatabase(config, true);
		const secrets = db.secrets;
		const report = await prepareDatabase(db, config);
		await sealPlainTotpSecrets(db, secrets);
		if (report.demoAccounts) process.stdout.write(formatDemoAccounts(report.demoAccounts) + '\n');
		// The daily deletion of people who never came (privacy/delete-never-came.ts) keeps itself queued.
		await scheduleNeverCameDeletion(db);
		// Prepaid courses: expiries and the 30- and 7-day notices, daily (packages/package-daily.ts).
		await schedulePackageDaily(db);
		const delivery = createMailer(config.smtpUrl, config.mailFrom);
		// Use cases queue their mail; the worker delivers it, with retries (mail/mail-jobs.ts).
		const mailer = queuedMailer(delivery, () => wakeJobWorker());
		// Read the clinic's instrument files now, so a bad one is reported at start rather than at first use.
		void clinicInstruments(config.instrumentsDir);
		await schedulePruning(db, db.clock.now());
		await scheduleAuditVerification(db, db.clock.now());
		const auditHeadFile = auditHeadFileOf(config);
		startAuditHeadWriter(db, auditHeadFile);
		startJobWorker({ db, mailer: delivery, origin });
		// The pruning and audit verification queued above run now, not at the first poll.
		wakeJobWorker();
		// adapter-node announces a graceful shutdown (SIGTERM/SIGINT) once it stops taking requests.
		process.once('sveltekit:shutdown', async () => {
			await stopJobWorker();
			await stopAuditHeadWriter(db, auditHeadFile);
			await db.close();
		});
		return { config, db, mailer, secrets, origin };
	})();
	return current;
}
