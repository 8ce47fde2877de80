import { parseArgs } from 'node:util';
import { resolveBackupPath } from '../src/lib/server/backup/backup-file';

/** `FILE [--force]`, shared by `npm run backup` and `npm run restore`; exits 1 with the usage line otherwise. */
export function readBackupArguments(command: 'backup' | 'restore'): { file: string; force: boolean } {
	const usage = `Usage: npm run ${command} -- FILE [--force]`;
	let parsed;
	try {
		parsed = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
	} catch (cause) {
		console.error(`${(cause as Error).message}\n${usage}`);
		process.exit(1);
	}
	if (parsed.positionals.length !== 1) {
		console.error(`${parsed.positionals.length === 0 ? 'Missing FILE.' : 'Give exactly one FILE.'}\n${usage}`);
		process.exit(1);
	}
	return { file: resolveBackupPath(parsed.positionals[0]!, process.env.INIT_CWD ?? process.cwd()), force: parsed.values.force ?? false };
}
