/*
 * Rebuilds the app when its build is missing or older than the source, as `npm start` does
 * (scripts/start.js): a bench of a stale build measures code that is no longer there.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { builtServerEntry } from '../tests/support/server-process';

const SOURCES = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'vite-plugin-page-messages.ts', 'package.json'];

function newestChange(entry: string): number {
	const stat = fs.statSync(entry, { throwIfNoEntry: false });
	if (!stat) return 0;
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** What was done: `fresh` (nothing), `built` (missing) or `rebuilt` (stale). */
export function ensureFreshBuild(root = process.cwd()): 'fresh' | 'built' | 'rebuilt' {
	const entry = builtServerEntry();
	const builtAt = fs.statSync(entry, { throwIfNoEntry: false })?.mtimeMs ?? 0;
	const changedAt = Math.max(...SOURCES.map((p) => newestChange(path.join(root, p))));
	if (builtAt >= changedAt) return 'fresh';
	console.log(builtAt === 0 ? 'No build: building shinkyu…' : 'The build is older than the source: rebuilding shinkyu…');
	const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) throw new Error(`vite build failed with ${build.status}`);
	return builtAt === 0 ? 'built' : 'rebuilt';
}
