import fs from 'node:fs';
import { logger } from './log';

/*
 * DATA_DIR holds the clinic's records, the server key and the audit head (issue 16): the folder is
 * created for the server's user alone (0700) and so is each file in it (0600), whatever the umask.
 * A file of ours found with looser modes is tightened. A folder that already exists is only
 * reported: it may be shared (DATA_DIR=/tmp), and changing its modes could break the machine.
 */

const OTHERS = 0o077;

export function ensurePrivateFolder(folder: string): void {
	const created = fs.mkdirSync(folder, { recursive: true, mode: 0o700 }) !== undefined;
	if (created)
		fs.chmodSync(folder, 0o700); // the umask may have taken bits from the owner too
	else if ((fs.statSync(folder).mode & OTHERS) !== 0) {
		logger.warn({ path: folder }, 'the data folder is readable by other users: chmod 700 it');
	}
}

/** Creates `file` empty and 0600 when missing (before anything writes into it), else tightens it. */
export function ensurePrivateFile(file: string): void {
	try {
		// The umask may take bits away, never add them: 0600 or less.
		fs.closeSync(fs.openSync(file, 'wx', 0o600));
	} catch (cause) {
		if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
		tighten(file, 0o600);
	}
}

/** Tightens a file of ours that an older version (or a copy) left readable by others. */
function tighten(target: string, mode: number): void {
	const stat = fs.statSync(target);
	if ((stat.mode & OTHERS) === 0) return;
	try {
		fs.chmodSync(target, mode);
	} catch (cause) {
		logger.warn({ path: target, err: (cause as Error).message }, 'could not restrict access to a data file or folder');
	}
}
