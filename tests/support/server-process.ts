import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './postgres-cluster';

export interface ServerProcess {
	baseUrl: string;
	child: ChildProcess;
	output: () => string;
	stop: () => Promise<void>;
}

/** The built server's entry: `build/index.js`, or under `SHINKYU_BUILD_DIR` when a run builds elsewhere. */
export function builtServerEntry(): string {
	return path.resolve(process.env.SHINKYU_BUILD_DIR ?? 'build', 'index.js');
}

/** Starts the built server (`build/index.js`) and waits until its health check answers. An `undefined` value unsets that variable. */
export async function startBuiltServer(env: Record<string, string | undefined>): Promise<ServerProcess> {
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const merged: Record<string, string | undefined> = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: baseUrl,
		LOG_LEVEL: 'warn',
		SHUTDOWN_TIMEOUT: '1',
		...env
	};
	const child = spawn(process.execPath, [builtServerEntry()], {
		env: Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
		if (
			await fetch(`${baseUrl}/api/v1/health`).then(
				(r) => r.ok,
				() => false
			)
		)
			break;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not become healthy:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		baseUrl,
		child,
		output: () => output,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

/** Demo passwords as the server prints them once at first start, keyed by e-mail. */
export function demoPasswordsFrom(output: string): Record<string, string> {
	const passwords: Record<string, string> = {};
	for (const match of output.matchAll(/^\s+(\w+)\s+(\S+@example\.jp)\s+(\S+)$/gm)) passwords[match[2]!] = match[3]!;
	return passwords;
}
