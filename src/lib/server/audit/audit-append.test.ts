import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, DIALECTS } from '../../../../tests/support/test-database';
import { openDatabase, type Db } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { withDeferredWrites, withTransaction } from '../db/transaction';
import { recordAudit, verifyAuditChain, type AuditActor } from './audit-log';

const actor: AuditActor = { type: 'staff', id: 'staff-1', ip: '127.0.0.1', requestId: 'req-1' };
const key = Buffer.alloc(32, 7);

/** Audited reads append alone, grouped, onto the head they know: two instances must never fork the chain. */
describe.each(DIALECTS)('audit rows written outside a transaction, by two instances, on %s', (dialect) => {
	let first: Db;
	let second: Db;
	let dir: string | undefined;
	beforeAll(async () => {
		if (dialect === 'sqlite') {
			dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-audit-'));
			const file = path.join(dir, 'test.sqlite');
			first = openDatabase({ sqliteFile: file, secretKey: key });
			second = openDatabase({ sqliteFile: file, secretKey: key });
		} else {
			const url = await createPostgresDatabase();
			first = openDatabase({ databaseUrl: url, poolSize: 4, secretKey: key });
			second = openDatabase({ databaseUrl: url, poolSize: 4, secretKey: key });
		}
		await migrateToLatest(first);
	});
	afterAll(async () => {
		await first?.close();
		await second?.close();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});

	const read = (db: Db, n: number) => recordAudit(db, actor, { action: 'test.read', entityId: `r${n}` });

	it('keeps one chain when both append at once, alone, in transactions and after a page of reads', async () => {
		// One SQLite file serves one instance: a second connection's deferred transaction may find the
		// file locked, as before. There the concurrent part runs on one handle, the interleaving below on two.
		const other = dialect === 'sqlite' ? first : second;
		for (let round = 0; round < 4; round++) {
			await Promise.all([
				...Array.from({ length: 10 }, (_, i) => read(i % 2 === 0 ? first : other, i)),
				withTransaction(first, (tx) => recordAudit(tx, actor, { action: 'test.write' })),
				withDeferredWrites(other, async (reader) => {
					await read(reader, 100);
					await read(reader, 101);
				})
			]);
		}
		const report = await verifyAuditChain(first);
		expect(report.rows).toBe(4 * 13);
		expect(report.problems).toEqual([]);
	});

	it('appends after another instance wrote, and returns only once the row is stored', async () => {
		await read(first, 1);
		await read(second, 2);
		await read(first, 3);
		const rows = await first.kysely.selectFrom('audit_log').select(['entity_id', 'prev_hash', 'hash']).orderBy('seq', 'desc').limit(3).execute();
		expect(rows.map((r) => r.entity_id)).toEqual(['r3', 'r2', 'r1']);
		expect(rows[0]!.prev_hash).toBe(rows[1]!.hash);
		expect((await verifyAuditChain(second)).problems).toEqual([]);
	});

	it('refuses a second row after the same previous row', async () => {
		const head = await first.kysely.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
		const { seq: _seq, ...copy } = head;
		const successor = { ...copy, prev_hash: head.hash };
		await expect(
			first.kysely
				.insertInto('audit_log')
				.values({ ...successor, id: crypto.randomUUID(), hash: 'x'.repeat(64) })
				.execute()
		).resolves.toBeDefined();
		await expect(
			first.kysely
				.insertInto('audit_log')
				.values({ ...successor, id: crypto.randomUUID(), hash: 'y'.repeat(64) })
				.execute()
		).rejects.toThrow(/unique|UNIQUE/);
	});
});
