import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { logger } from '../log';

/**
 * SQLite copies its write-ahead log back into the database file (a checkpoint) inside whichever
 * commit finds the log past its size limit, and with one connection on the thread that serves every
 * request, that request and all behind it wait for the copy and its sync. Here a thread of its own,
 * with a connection of its own, checkpoints every `intervalMs` instead. Its checkpoints are PASSIVE:
 * they never wait for, or hold up, a reader or a writer.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch (cause) {
		parentPort.postMessage({ error: String(cause && cause.message || cause) });
	}
}, workerData.intervalMs);
parentPort.on('message', () => {
	clearInterval(timer);
	db.close();
	parentPort.close();
});
`;

export interface WalCheckpointer {
	/** Stops checkpointing and closes the thread's connection. */
	stop(): Promise<void>;
}

export function startWalCheckpointer(file: string, intervalMs = 1_000): WalCheckpointer {
	const driver = createRequire(import.meta.url).resolve('better-sqlite3');
	const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs } });
	// The thread must never keep a finished process alive.
	worker.unref();
	worker.on('message', (message: { error?: string }) => logger.warn({ err: message.error }, 'background checkpoint failed'));
	worker.on('error', (cause) => logger.error({ err: cause }, 'checkpoint thread stopped'));
	const exited = once(worker, 'exit');
	return {
		async stop() {
			worker.postMessage('stop');
			await exited;
		}
	};
}
