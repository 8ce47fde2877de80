import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackupFailure } from './backup-failure';

export type PostgresTool = 'pg_dump' | 'pg_restore';

/** The client tools as an operator would find them: on PATH, then where pg_config says, then Debian's. */
export function findPostgresTool(tool: PostgresTool, env: NodeJS.ProcessEnv = process.env): string {
	const folders = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), pgConfigBinDir(), '/usr/lib/postgresql/15/bin'];
	for (const folder of folders) {
		if (!folder) continue;
		const candidate = path.join(folder, tool);
		if (isExecutable(candidate)) return candidate;
	}
	throw new BackupFailure(
		'tool_missing',
		`${tool} was not found (looked on PATH, in pg_config --bindir and /usr/lib/postgresql/15/bin). Install the PostgreSQL client tools.`
	);
}

function pgConfigBinDir(): string | null {
	try {
		return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
	} catch {
		return null;
	}
}

function isExecutable(file: string): boolean {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

export interface ToolRun {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a tool without a shell (arguments are never parsed as shell text) and collects its output. */
export function runTool(file: string, args: string[], env: Record<string, string> = {}): Promise<ToolRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(file, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
	});
}

/**
 * The connection for libpq's tools. The password travels in PGPASSWORD rather than on the
 * command line, where any user of the machine could read it in the process list.
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: Record<string, string> } {
	const url = new URL(databaseUrl);
	const password = decodeURIComponent(url.password);
	url.password = '';
	return { dbname: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** A database URL fit to print: the password replaced. */
export function redactDatabaseUrl(databaseUrl: string): string {
	try {
		const url = new URL(databaseUrl);
		if (url.password) url.password = '***';
		return url.toString();
	} catch {
		return '(DATABASE_URL)';
	}
}
