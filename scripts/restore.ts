// `npm run restore -- FILE [--force]`: restores a backup into a new database (an empty DATA_DIR, or
// an empty PostgreSQL database at DATABASE_URL), migrates it to this version and verifies the
// audit chain. An encrypted backup (age) is read with BACKUP_AGE_IDENTITY or BACKUP_AGE_IDENTITY_FILE.
// Stop shinkyu first: a running app would keep writing to the database it had open.
import { describeChainProblem } from '../src/lib/server/audit/audit-log';
import { readBackupIdentity } from '../src/lib/server/backup/backup-encryption';
import { restoreBackup } from '../src/lib/server/backup/restore-backup';
import { summariseTableCounts } from '../src/lib/server/backup/table-counts';
import { readConfig } from '../src/lib/server/config';
import { readBackupArguments } from './backup-arguments';

const request = readBackupArguments('restore');
let identity: string | undefined;
try {
	identity = readBackupIdentity();
} catch (cause) {
	console.error(`Restore failed: ${(cause as Error).message}`);
	process.exit(1);
}
const result = await restoreBackup(readConfig(), { file: request.file, force: request.force, identity });
if (!result.ok) {
	console.error(`Restore failed: ${result.message}`);
	process.exit(1);
}
const { report } = result;
console.log(`Restored ${request.file} into ${report.target}.`);
if (report.keptAs) console.log(`The database that was there is kept as ${report.keptAs}.`);
console.log(
	report.appliedMigrations.length > 0
		? `The backup came from an older version; applied migrations: ${report.appliedMigrations.join(', ')}.`
		: 'The schema was already up to date.'
);
console.log(`The database holds ${summariseTableCounts(report.tables)}.`);
const { audit } = report;
if (audit.problems.length > 0) {
	for (const problem of audit.problems.slice(0, 20)) console.error(describeChainProblem(problem));
	console.error(
		`Audit chain BROKEN: ${audit.problems.length} problem(s) in ${audit.rows} rows. The data is restored, but the record cannot be trusted as it is.`
	);
	process.exit(1);
}
console.log(`Audit chain intact: ${audit.rows} rows verified.`);
