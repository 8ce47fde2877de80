import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/*
 * A throwaway PostgreSQL cluster for one test run: initdb into a temp directory, listen on a free
 * loopback port, remove it all afterwards. initdb refuses to run as root, so as root the cluster
 * belongs to the `postgres` system user.
 */

export interface Cluster {
	url: string;
	stop(): void;
}

function binDir(): string {
	try {
		return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
	} catch {
		return '/usr/lib/postgresql/15/bin';
	}
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

export async function startCluster(): Promise<Cluster> {
	const bin = binDir();
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
		'-D', dataDir,
		'-l', path.join(dir, 'server.log'),
		'-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
		'-w', 'start'
	]);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop() {
			try {
				run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
			} finally {
				fs.rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
