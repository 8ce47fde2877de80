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
 * `withDeferredWrites` (a page of audited reads) the rows are written together when it ends. Outside
 * any transaction (an audited read: a search, a chart), the row goes with those of concurrent
 * requests in one durable commit (`appendAlone`); the call returns once it is durable.
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
	if (deferUntilCommit(db, 'audit', row, appendToChain, appendAlone)) return;
	if (db.kysely.isTransaction) await appendToChain(db, [row]);
	else await appendAlone(db, [row]);
}

/** The chain's lock on PostgreSQL: writers queue on it so two never chain onto the same row. */
const CHAIN_LOCK = 7231001;

/** Chains `rows`, in order, onto the newest row and inserts them in one statement; the new newest hash. */
async function appendToChain(tx: Db, rows: AuditRow[]): Promise<string> {
	if (tx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(CHAIN_LOCK)})`.execute(tx.kysely);
	const last = await tx.kysely.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
	const chained = chainOnto(tx, last?.hash ?? GENESIS_HASH, rows);
	// The rows take their seq in the order listed.
	await tx.kysely.insertInto('audit_log').values(chained).execute();
	return chained.at(-1)!.hash;
}

function chainOnto(db: Db, prevHash: string, rows: AuditRow[]): AuditEntryRow[] {
	const hashers = chainHashers(db);
	return rows.map((row) => {
		const hash = rowHash(prevHash, row, hashers);
		const linked = { ...row, prev_hash: prevHash, hash };
		prevHash = hash;
		return linked;
	});
}

type AuditEntryRow = AuditRow & { prev_hash: string; hash: string };

/**
 * Audit rows written outside any transaction, one writer per database handle. Rows that arrive
 * while a write is in flight wait and go together in the next one: a group commit, one durable
 * commit for several requests, each request still waiting until its own row is durable. Each write
 * is one statement chained onto the newest row this process wrote (`head`), in its own implicit
 * transaction: one round trip and one commit instead of begin, lock, read, insert and commit. The
 * index `audit_log_one_successor` (migration 0046) refuses it if anyone else appended since (another
 * instance, a transaction of this process); the rows are then chained under the lock as before.
 */
interface Appender {
	head: string | null;
	running: boolean;
	queue: Array<{ rows: AuditRow[]; resolve: () => void; reject: (cause: unknown) => void }>;
}
const appenders = new WeakMap<object, Appender>();

function appendAlone(db: Db, rows: AuditRow[]): Promise<void> {
	let appender = appenders.get(db.kysely);
	if (!appender) appenders.set(db.kysely, (appender = { head: null, running: false, queue: [] }));
	const writer = appender;
	return new Promise<void>((resolve, reject) => {
		writer.queue.push({ rows, resolve, reject });
		if (!writer.running) void drain(db, writer);
	});
}

async function drain(db: Db, appender: Appender): Promise<void> {
	appender.running = true;
	while (appender.queue.length > 0) {
		const batch = appender.queue.splice(0);
		try {
			appender.head = await appendOnce(
				db,
				batch.flatMap((entry) => entry.rows),
				appender.head
			);
			for (const entry of batch) entry.resolve();
		} catch (cause) {
			appender.head = null;
			for (const entry of batch) entry.reject(cause);
		}
	}
	appender.running = false;
}

async function appendOnce(db: Db, rows: AuditRow[], head: string | null): Promise<string> {
	if (head !== null) {
		const chained = chainOnto(db, head, rows);
		try {
			await insertAlone(db, chained);
			return chained.at(-1)!.hash;
		} catch (cause) {
			if (!isSecondSuccessor(cause)) throw cause;
		}
	}
	return withTransaction(db, (tx) => appendToChain(tx, rows));
}

const COLUMNS = [
	'id',
	'at',
	'actor_type',
	'actor_id',
	'action',
	'entity_type',
	'entity_id',
	'patient_id',
	'ip',
	'request_id',
	'detail',
	'prev_hash',
	'hash'
] as const;

/** One statement, its own transaction. On PostgreSQL it takes the chain's lock first, as a transaction would. */
async function insertAlone(db: Db, rows: AuditEntryRow[]): Promise<void> {
	if (db.dialect !== 'postgres') {
		await db.kysely.insertInto('audit_log').values(rows).execute();
		return;
	}
	// Every column is text. The lock is held until the statement commits, so a transaction that
	// chains under it reads this row as the newest once it has the lock.
	const columns = sql.join(COLUMNS.map((column) => sql.ref(column)));
	const values = sql.join(rows.map((row) => sql`(${sql.join(COLUMNS.map((column) => row[column]))})`));
	await sql`with chain_lock as (select pg_advisory_xact_lock(${sql.lit(CHAIN_LOCK)}))
		insert into audit_log (${columns}) select v.* from (values ${values}) as v (${columns}) cross join chain_lock`.execute(db.kysely);
}

/** The database refused a second row after the same previous row: someone else appended first. */
function isSecondSuccessor(cause: unknown): boolean {
	const error = cause as { code?: string; constraint?: string; message?: string };
	if (error?.code === '23505') return error.constraint === 'audit_log_one_successor';
	return error?.code === 'SQLITE_CONSTRAINT_UNIQUE' && /audit_log\.prev_hash/.test(error.message ?? '');
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
	if (head)
		problems.push(
			...compareWithHead(
				rows.find((r) => String(r.seq) === head.seq),
				head
			)
		);
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
