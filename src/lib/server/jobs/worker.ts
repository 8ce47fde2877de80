import { bookingMail, movedVisitMail, type BookingMailKind } from '../booking/booking-mail';
import { BOOKING_REQUEST_MAIL_HANDLERS } from '../booking-controls/approval-mail';
import { SERIES_MAIL_HANDLERS } from '../series/series-mail';
import { manageTokenContext } from '../booking/booking-mail-jobs';
import type { Db } from '../db/database';
import { logger } from '../log';
import { EMAIL_CHANGED_JOB, sendEmailChangedMail } from '../patients/email-changed-mail';
import type { Mailer } from '../mail/mailer';
import { withGroupedTransaction } from '../db/grouped-transaction';
import { inSavepoint } from '../db/transaction';
import { AUDIT_VERIFY_JOB, runAuditVerification } from '../audit/scheduled-verification';
import { SEND_MAIL_JOB, sendQueuedMail } from '../mail/mail-jobs';
import { NEVER_CAME_JOB, runNeverCameDeletion } from '../privacy/delete-never-came';
import { PACKAGE_DAILY_JOB, runPackageDaily } from '../packages/package-daily';
import { RECALL_INVITATION_JOB, sendRecallInvitation } from '../recall/recall-mail';
import { PRUNE_JOB, runPruning } from './prune';
import { WAITLIST_JOB_HANDLERS } from '../waitlist/waitlist-mail';
import { DESK_MOVE_MAIL_JOB, deskMoveMail } from '../schedule/desk-move-mail';
import { claimDueJobs, completeJobs, extendLease, failJob, LEASE_MS } from './queue';
import type { Job } from './types';
import { handleLineEvent, type LineEventPayload } from '../line/line-events';
import { LINE_EVENT_JOB, LINE_PUSH_JOB } from '../line/line-notice';
import { LineRetryLater, runLinePush, type LinePushPayload } from '../line/line-push-job';

export interface JobContext {
	db: Db;
	/** The mailer that delivers (SMTP, or the outbox alone): use cases are given a queuing one instead. */
	mailer: Mailer;
	/** The public URL, for links in mail. */
	origin: string;
	/** How long a claim holds a job before another worker may take it (tests shorten it). */
	leaseMs?: number;
}

/** `now`: the instant the worker runs the job at, as `runDueJobs` was given it; `job`: its claim (attempts). */
type Handler = (context: JobContext, payload: Record<string, string>, now: Date, job: Job) => Promise<void>;

const HANDLERS: Record<string, Handler> = {
	[PRUNE_JOB]: (context, _payload, now) => runPruning(context.db, now),
	[AUDIT_VERIFY_JOB]: (context, _payload, now) => runAuditVerification(context.db, now),
	[SEND_MAIL_JOB]: (context, payload) => sendQueuedMail(context.db, context.mailer, payload),
	'mail.booking_confirmation': (context, payload) => sendBookingMail(context, payload, 'confirmation'),
	'mail.booking_reminder': (context, payload) => sendBookingMail(context, payload, 'reminder'),
	'mail.booking_cancellation': (context, payload) => sendBookingMail(context, payload, 'cancellation'),
	[DESK_MOVE_MAIL_JOB]: (context, payload) =>
		sendMailOrNothing(context, deskMoveMail(context.db, payload.appointmentId!, payload.from!, context.origin, payload.fromPractitionerId)),
	[EMAIL_CHANGED_JOB]: sendEmailChangedMail,
	[NEVER_CAME_JOB]: async (context, _payload, now) => void (await runNeverCameDeletion(context.db, now)),
	[PACKAGE_DAILY_JOB]: async (context, _payload, now) => void (await runPackageDaily(context.db, context.origin, now)),
	...WAITLIST_JOB_HANDLERS,
	[LINE_PUSH_JOB]: (context, payload, now, job) => runLinePush(context.db, payload as unknown as LinePushPayload, context.origin, job, now),
	[LINE_EVENT_JOB]: (context, payload, now) => handleLineEvent(context.db, payload as unknown as LineEventPayload, context.origin, now),
	[RECALL_INVITATION_JOB]: sendRecallInvitation,
	...SERIES_MAIL_HANDLERS,
	...BOOKING_REQUEST_MAIL_HANDLERS
};

/** Jobs that talk to LINE: never inside a transaction, like SMTP delivery (issue #20). */
const isNetworkJob = (job: Job) => job.kind === LINE_PUSH_JOB || job.kind === LINE_EVENT_JOB;

async function sendBookingMail(context: JobContext, payload: Record<string, string>, kind: BookingMailKind) {
	const appointmentId = payload.appointmentId!;
	// Opened only now, to build the mail; a job queued before sealing existed holds it plain.
	const manageToken = payload.manageToken ? context.db.secrets.open(payload.manageToken, manageTokenContext(appointmentId)) : null;
	// A move the patient made: the one moved-visit mail, as a desk move sends (issues #17, #22).
	const mail = payload.movedFrom
		? await movedVisitMail(context.db, appointmentId, { from: payload.movedFrom }, context.origin, { manageToken, byMailChoice: payload.force !== '1' })
		: await bookingMail(context.db, appointmentId, manageToken, kind, context.origin, { force: payload.force === '1' });
	if (!mail) return; // cancelled since: nothing to send
	const result = await context.mailer.send(context.db, mail);
	// Without SMTP the mail waits in the outbox; with SMTP a failed delivery is retried later.
	if (context.mailer.canDeliver && !result.delivered) throw new Error(result.error ?? 'delivery failed');
}

async function sendMailOrNothing(context: JobContext, built: Promise<Awaited<ReturnType<typeof bookingMail>>>) {
	const mail = await built;
	if (!mail) return;
	const result = await context.mailer.send(context.db, mail);
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
const OUTBOX_CHUNK = 10;

/** Runs every due job once; returns how many ran. Safe to call from several processes at once. */
export async function runDueJobs(context: JobContext, now = context.db.clock.now()): Promise<number> {
	let ran = 0;
	for (;;) {
		const jobs = await claimDueJobs(context.db, context.mailer.canDeliver ? CLAIM_FOR_DELIVERY : CLAIM_FOR_OUTBOX, now, context.leaseMs ?? LEASE_MS);
		if (jobs.length === 0) return ran;
		if (context.mailer.canDeliver) for (const job of jobs) await deliverJob(context, job, now);
		else {
			for (const job of jobs.filter(isNetworkJob)) await deliverJob(context, job, now);
			const local = jobs.filter((job) => !isNetworkJob(job));
			for (let i = 0; i < local.length; i += OUTBOX_CHUNK) await runOutboxJobs(context, local.slice(i, i + OUTBOX_CHUNK), now);
		}
		ran += jobs.length;
	}
}

/**
 * Delivery talks to the network: never inside a transaction, which would stop every writer. A mail
 * is sent at most once (issue 16): the jobs claimed in one batch wait their turn while their
 * leases run, so the claim is checked and the lease renewed just before sending, and renewed
 * again every second while a slow mail server holds the send, so no other worker takes it.
 */
async function deliverJob(context: JobContext, job: Job, now: Date): Promise<void> {
	const leaseMs = context.leaseMs ?? LEASE_MS;
	const renew = () => extendLease(context.db, job, leaseMs, laterOf(now, context.db.clock.now()));
	if (!(await renew())) return; // another worker took it, or finished it, while it waited here
	const heartbeat = setInterval(
		() => void renew().catch((cause) => logger.warn({ jobId: job.id, err: String(cause) }, 'lease not renewed')),
		Math.min(leaseMs / 3, RENEW_EVERY_MS)
	);
	try {
		await handlerFor(job)(context, JSON.parse(job.payload), now, job);
		if ((await completeJobs(context.db, [job], now)) === 0) logger.warn({ jobId: job.id, kind: job.kind }, 'job finished after its lease was lost');
	} catch (cause) {
		await recordFailure(context, job, cause, now);
	} finally {
		clearInterval(heartbeat);
	}
}

/** One small write a second while a send is under way: far inside any lease, also when the clock jumps. */
const RENEW_EVERY_MS = 1_000;

/** The use case's instant may be ahead of the wall clock (tests run due jobs "tomorrow"). */
function laterOf(a: Date, b: Date): Date {
	return a.getTime() >= b.getTime() ? a : b;
}

/**
 * Mail that only goes to the outbox: the jobs' writes and their completion share one commit. Each
 * job runs in a savepoint of its own, so one that fails undoes only its own writes.
 */
async function runOutboxJobs(context: JobContext, jobs: readonly Job[], now: Date): Promise<void> {
	let failures: Array<{ job: Job; cause: unknown }>;
	try {
		failures = await withGroupedTransaction(context.db, async (tx) => {
			const failed: Array<{ job: Job; cause: unknown }> = [];
			const done: Job[] = [];
			for (const job of jobs) {
				const outcome = await inSavepoint(tx, () => handlerFor(job)({ ...context, db: tx }, JSON.parse(job.payload), now, job));
				if (outcome.ok) done.push(job);
				else failed.push({ job, cause: outcome.cause });
			}
			await completeJobs(tx, done, now);
			return failed;
		});
	} catch (cause) {
		// The commit itself failed: none of these jobs was done.
		failures = jobs.map((job) => ({ job, cause }));
	}
	for (const { job, cause } of failures) await recordFailure(context, job, cause, now);
}

function handlerFor(job: Job): Handler {
	const handler = HANDLERS[job.kind];
	if (!handler) throw new Error(`no handler for ${job.kind}`);
	return handler;
}

async function recordFailure(context: JobContext, job: Job, cause: unknown, now: Date): Promise<void> {
	const message = cause instanceof Error ? cause.message : String(cause);
	logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
	await failJob(context.db, job, message, now, cause instanceof LineRetryLater ? cause.retryAt : undefined);
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
