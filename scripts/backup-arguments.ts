import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveBackupPath } from '../src/lib/server/backup/backup-file';

/**
 * `FILE [--force]` (and `--encrypt` for backup), shared by `npm run backup` and `npm run restore`;
 * exits 1 with the usage line otherwise.
 */
export function readBackupArguments(command: 'backup' | 'restore'): { file: string; force: boolean; encrypt: boolean } {
	const usage = `Usage: npm run ${command} -- ${command === 'backup' ? '[--encrypt] ' : ''}FILE [--force]`;
	let parsed;
	try {
		const options: ParseArgsConfig['options'] = { force: { type: 'boolean', default: false } };
		if (command === 'backup') options.encrypt = { type: 'boolean', default: false };
		parsed = parseArgs({ options, allowPositionals: true });
	} catch (cause) {
		console.error(`${(cause as Error).message}\n${usage}`);
		process.exit(1);
	}
	if (parsed.positionals.length !== 1) {
		console.error(`${parsed.positionals.length === 0 ? 'Missing FILE.' : 'Give exactly one FILE.'}\n${usage}`);
		process.exit(1);
	}
	const values = parsed.values as { force?: boolean; encrypt?: boolean };
	return {
		file: resolveBackupPath(parsed.positionals[0]!, process.env.INIT_CWD ?? process.cwd()),
		force: values.force ?? false,
		encrypt: values.encrypt ?? false
	};
}
