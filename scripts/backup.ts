// `npm run backup -- FILE [--force]`: a consistent backup of the database `npm start` uses, taken
// while the app keeps running (SQLite: the online backup API; PostgreSQL: pg_dump --format=custom).
import { formatBytes } from '../src/lib/server/backup/backup-file';
import { createBackup } from '../src/lib/server/backup/create-backup';
import { summariseTableCounts } from '../src/lib/server/backup/table-counts';
import { readConfig } from '../src/lib/server/config';
import { readBackupArguments } from './backup-arguments';

const request = readBackupArguments('backup');
const result = await createBackup(readConfig(), request);
if (!result.ok) {
	console.error(`Backup failed: ${result.message}`);
	process.exit(1);
}
const { report } = result;
console.log(`Backup written to ${report.file} (${formatBytes(report.bytes)}, ${report.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL custom format'}).`);
console.log(`It holds ${summariseTableCounts(report.tables)}.`);
