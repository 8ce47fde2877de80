import { bookingMail, type BookingMailKind } from '../booking/booking-mail';
import type { Db } from '../db/database';
import { logger } from '../log';
import type { Mailer } from '../mail/mailer';
import { withGroupedTransaction } from '../db/grouped-transaction';
import { claimDueJobs, completeJob, failJob } from './queue';
import type { Job } from './types';

export interface JobContext {
	db: Db;
	mailer: Mailer;
	/** The public URL, for links in mail. */
	origin: string;
}

type Handler = (context: JobContext, payload: Record<string, string>) => Promise<void>;

const HANDLERS: Record<string, Handler> = {
	'mail.booking_confirmation': (context, payload) => sendBookingMail(context, payload, 'confirmation'),
	'mail.booking_reminder': (context, payload) => sendBookingMail(context, payload, 'reminder'),
	'mail.booking_cancellation': (context, payload) => sendBookingMail(context, payload, 'cancellation')
};

async function sendBookingMail(context: JobContext, payload: Record<string, string>, kind: BookingMailKind) {
	const mail = await bookingMail(context.db, payload.appointmentId!, payload.manageToken ?? null, kind, context.origin);
	if (!mail) return; // cancelled since: nothing to send
	const result = await context.mailer.send(context.db, mail);
	// Without SMTP the mail waits in the outbox; with SMTP a failed delivery is retried later.
	if (context.mailer.canDeliver && !result.delivered) throw new Error(result.error ?? 'delivery failed');
}

/**
 * Every claim is a commit of its own, so mail for the outbox (quick, no network) is claimed many at
 * a time and run a few at a time: each few share a grouped commit with whatever bookings arrive
 * meanwhile, and none of those bookings waits behind the whole batch. SMTP delivery goes one by
 * one and must finish within the lease, so it claims few.
 */
const CLAIM_FOR_DELIVERY = 10;
const CLAIM_FOR_OUTBOX = 100;
const OUTBOX_SIDE_BY_SIDE = 10;

/** Runs every due job once; returns how many ran. Safe to call from several processes at once. */
export async function runDueJobs(context: JobContext, now = new Date()): Promise<number> {
	let ran = 0;
	for (;;) {
		const jobs = await claimDueJobs(context.db, context.mailer.canDeliver ? CLAIM_FOR_DELIVERY : CLAIM_FOR_OUTBOX, now);
		if (jobs.length === 0) return ran;
		if (context.mailer.canDeliver) for (const job of jobs) await runJob(context, job, now);
		else for (let i = 0; i < jobs.length; i += OUTBOX_SIDE_BY_SIDE) await Promise.all(jobs.slice(i, i + OUTBOX_SIDE_BY_SIDE).map((job) => runJob(context, job, now)));
		ran += jobs.length;
	}
}

async function runJob(context: JobContext, job: Job, now: Date) {
	const handler = HANDLERS[job.kind];
	try {
		if (!handler) throw new Error(`no handler for ${job.kind}`);
		if (context.mailer.canDeliver) {
			// Delivery talks to the network: never inside a transaction, which would stop every writer.
			await handler(context, JSON.parse(job.payload));
			await completeJob(context.db, job.id);
		} else {
			// Mail only goes to the outbox: the job's writes and its completion share one commit.
			await withGroupedTransaction(context.db, async (tx) => {
				await handler({ ...context, db: tx }, JSON.parse(job.payload));
				await completeJob(tx, job.id);
			});
		}
	} catch (cause) {
		const message = cause instanceof Error ? cause.message : String(cause);
		logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
		await failJob(context.db, job, message, now);
	}
}

let timer: NodeJS.Timeout | undefined;
let running: Promise<unknown> | undefined;
let context: JobContext | undefined;

/** Polls for due jobs while the server runs; `wakeJobWorker` runs them at once after a booking. */
export function startJobWorker(jobContext: JobContext, intervalMs = 5_000): void {
	context = jobContext;
	timer ??= setInterval(runNow, intervalMs);
	timer.unref();
}

/** Stops polling and waits for the jobs in hand, so the process can close its database and exit. */
export async function stopJobWorker(): Promise<void> {
	if (timer) clearInterval(timer);
	if (soon) clearTimeout(soon);
	timer = undefined;
	soon = undefined;
	context = undefined;
	await running;
}

let soon: NodeJS.Timeout | undefined;

/**
 * Runs due jobs shortly: a burst of bookings is answered first and its mail is sent together a
 * moment later, instead of every booking waiting behind the mail of the one before.
 */
export function wakeJobWorker(delayMs = 500): void {
	if (!context || soon) return;
	soon = setTimeout(() => {
		soon = undefined;
		runNow();
	}, delayMs);
	soon.unref();
}

function runNow(): void {
	if (!context || running) return;
	running = runDueJobs(context)
		.catch((cause) => logger.error({ err: cause }, 'job worker failed'))
		.finally(() => (running = undefined));
}
