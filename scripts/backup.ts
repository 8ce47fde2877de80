// `npm run backup -- [--encrypt] FILE [--force]`: a consistent backup of the database `npm start`
// uses, taken while the app keeps running (SQLite: the online backup API; PostgreSQL: pg_dump
// --format=custom). With --encrypt it is written with age for BACKUP_AGE_RECIPIENT.
import { formatBytes } from '../src/lib/server/backup/backup-file';
import { readBackupRecipient } from '../src/lib/server/backup/backup-encryption';
import { createBackup } from '../src/lib/server/backup/create-backup';
import { summariseTableCounts } from '../src/lib/server/backup/table-counts';
import { readConfig } from '../src/lib/server/config';
import { readBackupArguments } from './backup-arguments';

const request = readBackupArguments('backup');
const recipient = readBackupRecipient();
if (request.encrypt && !recipient) {
	console.error('Backup failed: --encrypt needs BACKUP_AGE_RECIPIENT, the age public key (age1…) to encrypt to. See README, "Backups".');
	process.exit(1);
}
const result = await createBackup(readConfig(), { file: request.file, force: request.force, encryptTo: request.encrypt ? recipient : undefined });
if (!result.ok) {
	console.error(`Backup failed: ${result.message}`);
	process.exit(1);
}
const { report } = result;
const format = report.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL custom format';
console.log(`Backup written to ${report.file} (${formatBytes(report.bytes)}, ${format}${report.encrypted ? ', encrypted with age' : ''}).`);
console.log(`It holds ${summariseTableCounts(report.tables)}.`);
