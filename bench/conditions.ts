/*
 * The conditions a figure was measured under, printed beside it and stored with it in the JSON
 * result: figures from different machines or layouts compare only as ratios within one run.
 */
import os from 'node:os';
import { POSTGRES_POOL_SIZE } from '../src/lib/server/db/database';

export interface Machine {
	cores: number;
	cpu: string;
	memoryGb: number;
	node: string;
	platform: string;
}

export function machine(): Machine {
	const cpus = os.cpus();
	return {
		cores: cpus.length,
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		platform: `${os.platform()} ${os.release()}`
	};
}

/** `2 cores, Node v20.20.2`: the part of every figure's conditions that is the machine. */
export function machineTag(m: Machine = machine()): string {
	return `${m.cores} cores, Node ${m.node}`;
}

export const SQLITE_DURABILITY = 'SQLite WAL, synchronous=FULL';
export const POSTGRES_DURABILITY = 'PostgreSQL fsync=on, synchronous_commit=on';
export const APP_LOGGING = 'LOG_LEVEL=info to a file';
/** The PostgreSQL pool of each app instance and of the in-process benches: the app's own (db/database.ts). */
export const POSTGRES_POOL = `pool ${POSTGRES_POOL_SIZE}`;

/** The conditions of a figure timed in process: the bench calls the server functions directly. */
export function inProcessConditions(database: string, extra = ''): string {
	const engine = database === 'sqlite' ? SQLITE_DURABILITY : database === 'postgres' ? `${POSTGRES_DURABILITY}, ${POSTGRES_POOL}, own process` : 'no database';
	return `in the bench process; ${engine}${extra ? `; ${extra}` : ''}; ${machineTag()}`;
}
