import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { compareWithHead, findChainProblems, GENESIS_HASH, rowHash, type ChainHashers, type ChainHead, type ChainProblem } from '../../domain/audit/chain';
import type { Db } from '../db/database';
import type { AuditEntry } from '../db/schema';
import { deferUntilCommit, withTransaction } from '../db/transaction';
import { sha256Hex } from '../crypto';

export interface AuditActor {
	type: 'staff' | 'patient' | 'anonymous' | 'system';
	id: string | null;
	ip: string | null;
	requestId: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { type: 'system', id: null, ip: null, requestId: null };

export interface AuditEvent {
	action: string;
	entityType?: string;
	entityId?: string;
	patientId?: string;
	/** Facts about the change, never personal data beyond ids. */
	detail?: Record<string, unknown>;
}

type AuditRow = Omit<AuditEntry, 'seq' | 'prev_hash' | 'hash'>;

/**
 * Appends one row to the chain. Joins the caller's transaction so the row lands with the change.
 * On PostgreSQL the row is kept back and chained with the transaction's other audit rows just before
 * the commit (db/transaction.ts): the chain's lock is then held for one insert and the commit. Under
 * `withDeferredWrites` (a page of audited reads) the rows are written together when it ends.
 */
export async function recordAudit(db: Db, actor: AuditActor, event: AuditEvent): Promise<void> {
	const row: AuditRow = {
		id: randomUUID(),
		at: db.clock.now().toISOString(),
		actor_type: actor.type,
		actor_id: actor.id,
		action: event.action,
		entity_type: event.entityType ?? null,
		entity_id: event.entityId ?? null,
		patient_id: event.patientId ?? null,
		ip: actor.ip,
		request_id: actor.requestId,
		detail: event.detail ? JSON.stringify(event.detail) : null
	};
	if (deferUntilCommit(db, 'audit', row, appendToChain)) return;
	await withTransaction(db, (tx) => (deferUntilCommit(tx, 'audit', row, appendToChain) ? Promise.resolve() : appendToChain(tx, [row])));
}

/** Chains `rows`, in order, onto the newest row and inserts them in one statement. */
async function appendToChain(tx: Db, rows: AuditRow[]): Promise<void> {
	// Writers queue here so two transactions never chain onto the same previous row.
	if (tx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7231001)`.execute(tx.kysely);
	const last = await tx.kysely.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
	const hashers = chainHashers(tx);
	let prevHash = last?.hash ?? GENESIS_HASH;
	const chained = rows.map((row) => {
		const hash = rowHash(prevHash, row, hashers);
		const linked = { ...row, prev_hash: prevHash, hash };
		prevHash = hash;
		return linked;
	});
	// The rows take their seq in the order listed.
	await tx.kysely.insertInto('audit_log').values(chained).execute();
}

export interface AuditChainReport {
	rows: number;
	problems: ChainProblem[];
}

/** The chain's hashes: keyed under the server key the handle carries (issue 16). */
export function chainHashers(db: Db): ChainHashers {
	return { plain: sha256Hex, keyed: (input) => db.secrets.mac('audit-chain', input) };
}

/**
 * Walks the whole chain; with `head` (the head file, audit-head.ts) also checks that the newest
 * row the server wrote down is still there, unchanged.
 */
export async function verifyAuditChain(db: Db, head?: ChainHead | null): Promise<AuditChainReport> {
	const rows = await db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
	const problems = findChainProblems(rows, chainHashers(db));
	if (head) problems.push(...compareWithHead(rows.find((r) => String(r.seq) === head.seq), head));
	return { rows: rows.length, problems };
}

/** The newest row: what the head file records. */
export async function currentAuditHead(db: Db): Promise<ChainHead | null> {
	const last = await db.kysely.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
	return last ? { seq: String(last.seq), hash: last.hash } : null;
}

/** One sentence per problem, for `npm run audit:verify`, restore and the logs. */
export function describeChainProblem(problem: ChainProblem): string {
	switch (problem.kind) {
		case 'changed':
			return `row ${problem.seq}: contents changed`;
		case 'broken_link':
			return `row ${problem.seq}: the row before it was changed or removed`;
		case 'downgraded':
			return `row ${problem.seq}: rewritten without the server key (a plain hash after keyed rows)`;
		case 'wrong_key':
			return `none of the ${problem.rows} keyed rows matches this server key: verify with the SECRET_KEY (or secret.key) that wrote them, or every row was rewritten`;
		case 'newest_removed':
			return `row ${problem.seq}, the newest in the head file, is gone: the newest rows were removed`;
		case 'head_mismatch':
			return `row ${problem.seq} differs from the head file: rewritten since the head was written`;
	}
}

export interface AuditFilter {
	actorId?: string;
	action?: string;
	patientId?: string;
	/** ISO instants, a half-open range: `from` included, `to` not. */
	from?: string;
	to?: string;
	limit: number;
	offset: number;
}

export async function listAuditEntries(db: Db, filter: AuditFilter): Promise<AuditEntry[]> {
	let query = db.kysely.selectFrom('audit_log').selectAll();
	if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
	if (filter.action) query = query.where('action', 'like', `${filter.action.replace(/[%_]/g, '')}%`);
	if (filter.patientId) query = query.where('patient_id', '=', filter.patientId);
	if (filter.from) query = query.where('at', '>=', filter.from);
	if (filter.to) query = query.where('at', '<', filter.to);
	return query.orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute();
}
