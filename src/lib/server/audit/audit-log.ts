import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { chainInput, findChainProblems, GENESIS_HASH, type ChainProblem } from '../../domain/audit/chain';
import type { Db } from '../db/database';
import type { AuditEntry } from '../db/schema';
import { withTransaction } from '../db/transaction';
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

/** Appends one row to the chain. Joins the caller's transaction so the row lands with the change. */
export async function recordAudit(db: Db, actor: AuditActor, event: AuditEvent): Promise<void> {
	await withTransaction(db, async (tx) => {
		// Writers queue here so two transactions never chain onto the same previous row.
		if (tx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(7231001)`.execute(tx.kysely);
		const last = await tx.kysely
			.selectFrom('audit_log')
			.select('hash')
			.orderBy('seq', 'desc')
			.limit(1)
			.executeTakeFirst();
		const row = {
			id: randomUUID(),
			at: tx.clock.now().toISOString(),
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
		const prevHash = last?.hash ?? GENESIS_HASH;
		await tx.kysely
			.insertInto('audit_log')
			.values({ ...row, prev_hash: prevHash, hash: sha256Hex(chainInput(prevHash, row)) })
			.execute();
	});
}

export interface AuditChainReport {
	rows: number;
	problems: ChainProblem[];
}

export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
	const rows = await db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
	return { rows: rows.length, problems: findChainProblems(rows, sha256Hex) };
}

export interface AuditFilter {
	actorId?: string;
	action?: string;
	patientId?: string;
	/** Inclusive ISO instants. */
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
	if (filter.to) query = query.where('at', '<=', filter.to);
	return query.orderBy('seq', 'desc').limit(filter.limit).offset(filter.offset).execute();
}
