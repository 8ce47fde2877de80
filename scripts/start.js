#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the source, then serves it.
// Honours PORT, HOST, ORIGIN (adapter-node) and DATA_DIR, DATABASE_URL, SMTP_URL, SHINKYU_DEMO (the app).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'build', 'index.js');

function newestChange(entry) {
	const stat = fs.statSync(entry, { throwIfNoEntry: false });
	if (!stat) return 0;
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'].map((p) => path.join(root, p));
const builtAt = fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (builtAt < Math.max(...sources.map(newestChange))) {
	console.log('Building shinkyu…');
	const build = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (build.status !== 0) process.exit(build.status ?? 1);
}

process.env.PORT ??= '3000';
if (!process.env.ORIGIN) {
	// Without ORIGIN, adapter-node trusts the Host header; say so, since form posts check it.
	const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
	process.env.ORIGIN = `http://${host}:${process.env.PORT}`;
}
console.log(`shinkyu listening on ${process.env.ORIGIN}`);
await import(path.join(root, 'build', 'index.js'));
