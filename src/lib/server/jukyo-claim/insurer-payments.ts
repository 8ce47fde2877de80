import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { claimStatusOf, claimTransition, liveClaimEvents, type ClaimStatus, type ClaimTransitionRefusal } from '../../domain/jukyo-claim/claim-status';
import { paymentProblems, type PaymentProblem } from '../../domain/jukyo-claim/insurer-payment';
import { isCalendarDate, localDate } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { recentClinicTimeZone } from '../clinic/clinic-settings';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { DESK_ROLES, insertClaimEvents } from './claim-workflow';
import { findStaffRole } from '../staff/staff-repository';
import { isUniqueViolation } from '../booking/occupancy';
import { reversedPaymentsAmong, standingPaymentParts } from './standing-payments';

/*
 * A payment received from an insurer for claims sent to one 提出先 (docs/jukyo-claim.md §13). Form
 * fields: receivedOn, amountJpy, destination, note, confirm=on, `claim` (one per claim version covered) and
 * `amount_<claim version id>` (the part for it). Each claim covered becomes paid — by the one rule
 * (claim-status.ts) — in the same transaction as the payment; nothing is changed afterwards. A
 * payment recorded by mistake is reversed by a row of its own (jukyo_insurer_payment_reversal, one
 * per payment): its parts stop counting and the claims it paid are submitted again, to be paid anew.
 */

const yen = z.preprocess(
	(v) => (typeof v === 'string' ? v.normalize('NFKC').replaceAll(',', '').trim() : v),
	z.coerce
		.number('claimStatus.payment.error.amount')
		.int('claimStatus.payment.error.amount')
		.min(0, 'claimStatus.payment.error.amount')
		.max(100_000_000, 'claimStatus.payment.error.amount')
);

export const ZInsurerPaymentSchema = z.object({
	receivedOn: z.string('claimStatus.error.date').refine(isCalendarDate, 'claimStatus.error.date'),
	amountJpy: yen,
	destination: z
		.string('claimStatus.payment.error.destination')
		.min(1, 'claimStatus.payment.error.destination')
		.max(100, 'claimStatus.payment.error.destination'),
	note: z.string().trim().max(500, 'claimStatus.error.tooLong').default(''),
	confirm: z.literal('on', 'claimStatus.error.confirm'),
	claim: z.array(z.uuid('claimStatus.payment.error.claims')).min(1, 'claimStatus.payment.error.claims').max(500, 'claimStatus.payment.error.claims')
});

export type RecordPaymentResult =
	| { ok: true; id: string }
	| { ok: false; code: 'invalid'; fields: Record<string, string> }
	| { ok: false; code: 'forbidden' }
	| { ok: false; code: 'problems'; problems: PaymentProblem[] }
	| { ok: false; code: 'refused'; claimId: string; reason: ClaimTransitionRefusal };

export async function recordInsurerPayment(
	db: Db,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<RecordPaymentResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const claims = typeof input.claim === 'string' ? [input.claim] : Array.isArray(input.claim) ? input.claim : [];
	const parsed = ZInsurerPaymentSchema.safeParse({ ...input, claim: claims });
	const parts = claims.map((id) => ({ id: String(id), amount: yen.safeParse(input[`amount_${String(id)}`]) }));
	if (!parsed.success || parts.some((p) => !p.amount.success)) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error?.issues ?? [])
			fields[String(issue.path[0] ?? '_')] ??= issue.message.startsWith('claimStatus.') ? issue.message : 'claimStatus.error.invalid';
		for (const p of parts) if (!p.amount.success) fields[`amount_${p.id}`] ??= 'claimStatus.payment.error.amount';
		return { ok: false, code: 'invalid', fields };
	}
	const data = parsed.data;
	const now = options.now ?? db.clock.now();
	const today = localDate(now.getTime(), await recentClinicTimeZone(db));
	if (data.receivedOn > today) return { ok: false, code: 'invalid', fields: { receivedOn: 'claimStatus.error.future' } };
	return withTransaction(db, async (tx): Promise<RecordPaymentResult> => {
		const staff = await findStaffRole(tx, staffId);
		if (!staff || !DESK_ROLES.includes(staff.role)) return { ok: false, code: 'forbidden' };
		const versions = await tx.kysely
			.selectFrom('jukyo_claim_version')
			.select(['id', 'patient_id', 'month', 'kind', 'version', 'destination', 'claim_jpy'])
			.where('id', 'in', data.claim)
			.execute();
		const events =
			versions.length === 0
				? []
				: await tx.kysely
						.selectFrom('jukyo_claim_event')
						.select(['claim_version_id', 'event', 'on_date', 'seq', 'payment_id'])
						.where('claim_version_id', 'in', data.claim)
						.orderBy('seq')
						.execute();
		const reversed = await reversedPaymentsAmong(
			tx,
			events.flatMap((e) => (e.payment_id ? [e.payment_id] : []))
		);
		const facts = [];
		for (const id of data.claim) {
			const v = versions.find((x) => x.id === id);
			if (!v) return { ok: false, code: 'invalid', fields: { claim: 'claimStatus.payment.error.claims' } };
			// Only the newest version of a 申請書 can be paid: an older one was returned and replaced.
			const newer = await tx.kysely
				.selectFrom('jukyo_claim_version')
				.select('id')
				.where('patient_id', '=', v.patient_id)
				.where('month', '=', v.month)
				.where('kind', '=', v.kind)
				.where('version', '>', v.version)
				.executeTakeFirst();
			const own = events.filter((e) => e.claim_version_id === id);
			// A paid event counts only while its payment stands: a reversed one leaves the claim submitted.
			const live = liveClaimEvents(
				own.map((e) => ({ ...e, paymentId: e.payment_id })),
				reversed
			);
			const status = newer ? 'returned' : claimStatusOf({ events: live.map((e) => e.event) });
			const transition = claimTransition(
				status,
				{ type: 'pay', on: data.receivedOn },
				{ month: v.month, today, blockers: 0, changedSinceReady: false, submittedOn: live.findLast((e) => e.event === 'submitted')?.on_date ?? null }
			);
			if (!transition.ok) return { ok: false, code: 'refused', claimId: id, reason: transition.code };
			facts.push({
				version: v,
				seq: own.length + 1,
				claim: { id, destination: v.destination, claimJpy: Number(v.claim_jpy), status },
				amountJpy: parts.find((p) => p.id === id)!.amount.data!
			});
		}
		const problems = paymentProblems({ amountJpy: data.amountJpy, destination: data.destination }, facts);
		if (problems.length > 0) return { ok: false, code: 'problems', problems };
		const paymentId = randomUUID();
		const at = now.toISOString();
		await tx.kysely
			.insertInto('jukyo_insurer_payment')
			.values({
				id: paymentId,
				received_on: data.receivedOn,
				amount_jpy: data.amountJpy,
				destination: data.destination,
				note: data.note,
				created_at: at,
				created_by: staffId
			})
			.execute();
		await tx.kysely
			.insertInto('jukyo_payment_claim')
			.values(facts.map((f) => ({ payment_id: paymentId, claim_version_id: f.claim.id, amount_jpy: f.amountJpy })))
			.execute();
		await insertClaimEvents(
			tx,
			facts.map((f) => ({
				id: randomUUID(),
				claim_version_id: f.claim.id,
				seq: f.seq,
				event: 'paid' as const,
				on_date: data.receivedOn,
				reason: '',
				payment_id: paymentId,
				created_at: at,
				created_by: staffId
			}))
		);
		await recordAudit(tx, actor, {
			action: 'jukyo_insurer_payment.record',
			entityType: 'jukyo_insurer_payment',
			entityId: paymentId,
			detail: { destination: data.destination, amountJpy: data.amountJpy, claims: facts.map((f) => f.claim.id) }
		});
		return { ok: true, id: paymentId };
	});
}

export interface InsurerPaymentView {
	id: string;
	receivedOn: string;
	amountJpy: number;
	destination: string;
	note: string;
	claims: number;
	/** Taken back (a mistake): its parts no longer count; null while it stands. */
	reversal: { reason: string; at: string } | null;
}

/** The payments recorded for claims of the month, reversed ones with their reason (no personal data: amounts and 提出先 only). */
export async function paymentsOfMonth(db: Db, month: string): Promise<InsurerPaymentView[]> {
	const rows = await db.kysely
		.selectFrom('jukyo_insurer_payment as p')
		.innerJoin('jukyo_payment_claim as pc', 'pc.payment_id', 'p.id')
		.innerJoin('jukyo_claim_version as v', 'v.id', 'pc.claim_version_id')
		.leftJoin('jukyo_insurer_payment_reversal as r', 'r.payment_id', 'p.id')
		.select([
			'p.id',
			'p.received_on',
			'p.amount_jpy',
			'p.destination',
			'p.note',
			'pc.claim_version_id',
			'r.reason as reversal_reason',
			'r.created_at as reversed_at'
		])
		.where('v.month', '=', month)
		.orderBy('p.received_on')
		.orderBy('p.created_at')
		.execute();
	const byId = new Map<string, InsurerPaymentView>();
	for (const r of rows) {
		const view = byId.get(r.id) ?? {
			id: r.id,
			receivedOn: r.received_on,
			amountJpy: Number(r.amount_jpy),
			destination: r.destination,
			note: r.note,
			claims: 0,
			reversal: r.reversed_at === null ? null : { reason: r.reversal_reason ?? '', at: r.reversed_at }
		};
		view.claims += 1;
		byId.set(r.id, view);
	}
	return [...byId.values()];
}

export const ZReversePaymentSchema = z.object({
	paymentId: z.uuid('claimFollowups.reversal.error.payment'),
	reason: z.string('claimFollowups.reversal.error.reason').trim().min(1, 'claimFollowups.reversal.error.reason').max(500, 'claimStatus.error.tooLong'),
	confirm: z.literal('on', 'claimStatus.error.confirm')
});

export type ReversePaymentResult =
	| { ok: true; id: string; claims: Array<{ claimVersionId: string; status: ClaimStatus }> }
	| { ok: false; code: 'invalid'; fields: Record<string, string> }
	| { ok: false; code: 'forbidden' | 'not_found' | 'already_reversed' }
	| { ok: false; code: 'refused'; claimId: string; reason: ClaimTransitionRefusal };

/**
 * Takes back a payment recorded by mistake (form fields: paymentId, reason, confirm=on). Only the
 * desk (owner, reception), checked inside the transaction like recording one. Each claim the payment
 * paid moves by the one rule (claimTransition 'reverse_payment'); the payment's parts stop counting.
 * One reversal per payment: of two at once, one reverses and the other answers `already_reversed`.
 */
export async function reverseInsurerPayment(
	db: Db,
	input: Record<string, unknown>,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<ReversePaymentResult> {
	if (actor.type !== 'staff' || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.id;
	const parsed = ZReversePaymentSchema.safeParse(input);
	if (!parsed.success) {
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues)
			fields[String(issue.path[0] ?? '_')] ??=
				issue.message.startsWith('claimStatus.') || issue.message.startsWith('claimFollowups.') ? issue.message : 'claimStatus.error.invalid';
		return { ok: false, code: 'invalid', fields };
	}
	const { paymentId, reason } = parsed.data;
	const now = options.now ?? db.clock.now();
	const today = localDate(now.getTime(), await recentClinicTimeZone(db));
	try {
		return await withTransaction(db, async (tx): Promise<ReversePaymentResult> => {
			const staff = await findStaffRole(tx, staffId);
			if (!staff || !DESK_ROLES.includes(staff.role)) return { ok: false, code: 'forbidden' };
			// On PostgreSQL a second desk reversing the same payment waits here until the first commits,
			// then finds its reversal: every later read of this transaction sees one state, not a mix.
			const paymentQuery = tx.kysely.selectFrom('jukyo_insurer_payment').select(['id', 'amount_jpy']).where('id', '=', paymentId);
			const payment = await (tx.dialect === 'postgres' ? paymentQuery.forUpdate() : paymentQuery).executeTakeFirst();
			if (!payment) return { ok: false, code: 'not_found' };
			if ((await reversedPaymentsAmong(tx, [paymentId])).size > 0) return { ok: false, code: 'already_reversed' };
			const parts = await tx.kysely
				.selectFrom('jukyo_payment_claim as pc')
				.innerJoin('jukyo_claim_version as v', 'v.id', 'pc.claim_version_id')
				.select(['pc.claim_version_id', 'v.month'])
				.where('pc.payment_id', '=', paymentId)
				.execute();
			const ids = parts.map((p) => p.claim_version_id);
			const events = await tx.kysely
				.selectFrom('jukyo_claim_event')
				.select(['claim_version_id', 'event', 'on_date', 'payment_id'])
				.where('claim_version_id', 'in', ids)
				.orderBy('seq')
				.execute();
			const reversed = await reversedPaymentsAmong(
				tx,
				events.flatMap((e) => (e.payment_id ? [e.payment_id] : []))
			);
			const standing = await standingPaymentParts(tx, ids);
			const claims: Array<{ claimVersionId: string; status: ClaimStatus }> = [];
			for (const part of parts) {
				const live = liveClaimEvents(
					events.filter((e) => e.claim_version_id === part.claim_version_id).map((e) => ({ ...e, paymentId: e.payment_id })),
					reversed
				);
				const stillPaidJpy = standing
					.filter((s) => s.claimVersionId === part.claim_version_id && s.paymentId !== paymentId)
					.reduce((sum, s) => sum + s.amountJpy, 0);
				const transition = claimTransition(
					claimStatusOf({ events: live.map((e) => e.event) }),
					{ type: 'reverse_payment', stillPaidJpy },
					{
						month: part.month,
						today,
						blockers: 0,
						changedSinceReady: false,
						submittedOn: live.findLast((e) => e.event === 'submitted')?.on_date ?? null
					}
				);
				if (!transition.ok) return { ok: false, code: 'refused', claimId: part.claim_version_id, reason: transition.code };
				claims.push({ claimVersionId: part.claim_version_id, status: transition.status });
			}
			const id = randomUUID();
			await tx.kysely
				.insertInto('jukyo_insurer_payment_reversal')
				.values({ id, payment_id: paymentId, reason, created_at: now.toISOString(), created_by: staffId })
				.execute();
			await recordAudit(tx, actor, {
				action: 'jukyo_insurer_payment.reverse',
				entityType: 'jukyo_insurer_payment',
				entityId: paymentId,
				detail: { amountJpy: Number(payment.amount_jpy), claims: ids, reason }
			});
			return { ok: true, id, claims };
		});
	} catch (cause) {
		// The other desk's reversal of the same payment committed first (the payment id is unique).
		if (isUniqueViolation(cause)) return { ok: false, code: 'already_reversed' };
		throw cause;
	}
}
