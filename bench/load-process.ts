/*
 * One load job per process (forked by bench/load.ts): autocannon for the HTTP rows, the booking
 * storm's clients for the storms. Answers with the figures over IPC and exits.
 */
import autocannon from 'autocannon';
import { bookingStorm } from './booking-storm';
import type { HttpJob, HttpResult, StormJob } from './load';

async function http(job: HttpJob): Promise<HttpResult> {
	const result = await autocannon({
		url: job.url,
		connections: job.connections,
		duration: job.seconds,
		method: job.method ?? 'GET',
		headers: job.headers,
		body: job.body
	});
	return {
		requestsPerSecond: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + result.non2xx,
		requests: result.requests.total
	};
}

process.once('message', async (job: HttpJob | StormJob) => {
	try {
		const result = job.kind === 'http' ? await http(job) : await bookingStorm(job.bases, job.clients, job.warmUp);
		process.send!({ ok: true, result }, () => process.exit(0));
	} catch (error) {
		process.send!({ ok: false, error: (error as Error).stack ?? String(error) }, () => process.exit(1));
	}
});
