import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './postgres-cluster';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		demoPasswords: Record<string, string>;
	}
}

/**
 * One built server for every browser and HTTP test: `build/` as `npm start` serves it, on a fresh
 * data directory, so the demo clinic is seeded and its one-time passwords are read from stdout.
 */
export default async function setup(project: TestProject) {
	const entry = path.resolve('build/index.js');
	if (!fs.existsSync(entry)) throw new Error('build/ is missing: run `npm run build` first');
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-e2e-'));
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const server = spawn(process.execPath, [entry], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseUrl, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	let output = '';
	server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));

	const deadline = Date.now() + 30_000;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`server exited early:\n${output}`);
		const ok = await fetch(`${baseUrl}/api/v1/health`).then((r) => r.ok, () => false);
		if (ok) break;
		if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	const demoPasswords: Record<string, string> = {};
	for (const match of output.matchAll(/^\s+(\w+)\s+(\S+@example\.jp)\s+(\S+)$/gm)) demoPasswords[match[2]!] = match[3]!;
	if (!demoPasswords['owner@example.jp']) throw new Error(`no demo passwords printed:\n${output}`);

	project.provide('baseUrl', baseUrl);
	project.provide('demoPasswords', demoPasswords);
	return async () => {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
}
