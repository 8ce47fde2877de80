/*
 * The servers the bench measures, each in a process of its own: the built app (at its production
 * log level, its log written to a file) and the bare node:http baseline. The load generator runs in
 * yet another process (bench/load.ts), so no server shares an event loop with its clients.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../tests/support/postgres-cluster';
import { builtServerEntry } from '../tests/support/server-process';

export interface BenchServer {
	baseUrl: string;
	pid: number;
	/** Bytes the app has logged so far (0 for the bare server). */
	logBytes: () => number;
	stop: () => Promise<void>;
}

async function waitUntilHealthy(child: ChildProcess, baseUrl: string, describe: () => string): Promise<void> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${describe()}`);
		if (
			await fetch(`${baseUrl}/api/v1/health`).then(
				(r) => r.ok,
				() => false
			)
		)
			return;
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server did not become healthy:\n${describe()}`);
		}
		await new Promise((r) => setTimeout(r, 150));
	}
}

function stopper(child: ChildProcess, after: () => void = () => {}): () => Promise<void> {
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return async () => {
		if (child.exitCode === null) child.kill('SIGTERM');
		await exited;
		after();
	};
}

/**
 * The built app on SQLite (a temp DATA_DIR) or on `databaseUrl`. LOG_LEVEL=info as in production,
 * every request logged to `<DATA_DIR>/server.log`; RATE_LIMITS=off since every request comes from
 * one address. `dataDir` lets a second instance share the first one's secrets directory.
 */
export async function startApp(options: { databaseUrl?: string; execArgv?: string[] } = {}): Promise<BenchServer> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-bench-'));
	const logFile = path.join(dataDir, 'server.log');
	const log = fs.openSync(logFile, 'a');
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const env: Record<string, string | undefined> = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: baseUrl,
		DATA_DIR: dataDir,
		DATABASE_URL: options.databaseUrl,
		LOG_LEVEL: 'info',
		RATE_LIMITS: 'off',
		SHUTDOWN_TIMEOUT: '1',
		NODE_ENV: 'production'
	};
	// `execArgv`: flags for the app alone, e.g. a CPU profile (bench/availability-server-profile.ts).
	const child = spawn(process.execPath, [...(options.execArgv ?? []), builtServerEntry()], {
		env: Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv,
		stdio: ['ignore', log, log]
	});
	fs.closeSync(log);
	await waitUntilHealthy(child, baseUrl, () => fs.readFileSync(logFile, 'utf8').slice(-4000));
	return {
		baseUrl,
		pid: child.pid!,
		logBytes: () => fs.statSync(logFile, { throwIfNoEntry: false })?.size ?? 0,
		stop: stopper(child, () => fs.rmSync(dataDir, { recursive: true, force: true }))
	};
}

/** The bare node:http baseline (bench/bare-server.ts) in its own process. */
export async function startBareServer(): Promise<BenchServer> {
	const port = await freePort();
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bare-server.ts')], {
		env: { ...process.env, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitUntilHealthy(child, baseUrl, () => 'bare server');
	child.stdout!.resume();
	return { baseUrl, pid: child.pid!, logBytes: () => 0, stop: stopper(child) };
}
