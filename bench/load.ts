/*
 * The load generator runs in a process of its own (bench/load-process.ts), apart from the servers
 * it measures and from the process that orchestrates the bench: each job is sent to a fresh child
 * over IPC and its figures come back the same way.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import type { StormResult } from './booking-storm';

export interface HttpJob {
	kind: 'http';
	url: string;
	connections: number;
	seconds: number;
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	body?: string;
}

export interface StormJob {
	kind: 'storm';
	bases: string[];
	clients: number;
	warmUp: number;
}

export interface HttpResult {
	requestsPerSecond: number;
	p50: number;
	p99: number;
	/** Connection errors, timeouts and non-2xx answers. */
	errors: number;
	requests: number;
}

export function runLoad(job: HttpJob): Promise<HttpResult>;
export function runLoad(job: StormJob): Promise<StormResult>;
export function runLoad(job: HttpJob | StormJob): Promise<HttpResult | StormResult> {
	return new Promise((resolve, reject) => {
		const child = fork(path.join(import.meta.dirname, 'load-process.ts'), [], {
			execArgv: ['--import', 'tsx'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		let answered = false;
		child.once('message', (message: { ok: true; result: HttpResult | StormResult } | { ok: false; error: string }) => {
			answered = true;
			if (message.ok) resolve(message.result);
			else reject(new Error(`load generator: ${message.error}`));
		});
		child.once('exit', (code) => {
			if (!answered) reject(new Error(`load generator exited with ${code} before answering`));
		});
		child.send(job);
	});
}
