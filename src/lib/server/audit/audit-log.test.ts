import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSecretBox } from '../auth/secret-box';
import { readAuditHead, writeAuditHead } from './audit-head';
import { listAuditEntries, recordAudit, verifyAuditChain, type AuditActor } from './audit-log';
import { lastAuditVerification, recordAuditVerification } from './scheduled-verification';

const actor: AuditActor = { type: 'staff', id: 'staff-1', ip: '127.0.0.1', requestId: 'req-1' };

describeEachDatabase('audit log', (db, dialect) => {
	it('chains every row to the one before, even when written concurrently', async () => {
		await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				recordAudit(db(), actor, { action: 'test.write', entityType: 'thing', entityId: `t${i}`, patientId: i % 5 === 0 ? 'p1' : undefined })
			)
		);
		const report = await verifyAuditChain(db());
		expect(report.rows).toBe(25);
		expect(report.problems).toEqual([]);
	});

	it('filters by action, actor and patient, newest first', async () => {
		const rows = await listAuditEntries(db(), { action: 'test.', patientId: 'p1', actorId: 'staff-1', limit: 50, offset: 0 });
		expect(rows).toHaveLength(5);
		expect(rows.every((r) => r.patient_id === 'p1' && r.request_id === 'req-1')).toBe(true);
		expect(Number(rows[0]!.seq)).toBeGreaterThan(Number(rows[4]!.seq));
	});

	it('refuses updates, deletes and (PostgreSQL) TRUNCATE in the schema itself', async () => {
		await expect(sql`update audit_log set action = 'x'`.execute(db().kysely)).rejects.toThrow(/insert-only/);
		await expect(sql`delete from audit_log`.execute(db().kysely)).rejects.toThrow(/insert-only/);
		if (dialect === 'postgres') await expect(sql`truncate audit_log`.execute(db().kysely)).rejects.toThrow(/insert-only/);
		expect((await verifyAuditChain(db())).rows).toBe(25);
	});

	it('keys each new row with the server key, so another key does not verify it', async () => {
		const rows = await db().kysely.selectFrom('audit_log').select('hash').execute();
		expect(rows.every((r) => /^k1:[0-9a-f]{64}$/.test(r.hash))).toBe(true);
		const otherKey = { ...db(), secrets: createSecretBox(Buffer.alloc(32, 7)) };
		expect((await verifyAuditChain(otherKey)).problems).toEqual([{ kind: 'wrong_key', rows: 25 }]);
	});

	it('writes the head file, never moving it back, and checks the newest rows against it', async () => {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-head-'));
		try {
			const file = path.join(folder, 'audit-head.json');
			expect(await writeAuditHead(db(), file)).toBe('written');
			expect(fs.statSync(file).mode & 0o777).toBe(0o600);
			expect(await writeAuditHead(db(), file)).toBe('unchanged');
			const head = readAuditHead(file)!;
			expect((await verifyAuditChain(db(), head)).problems).toEqual([]);
			const ahead = { ...head, seq: String(Number(head.seq) + 5) };
			fs.writeFileSync(file, JSON.stringify(ahead));
			expect(await writeAuditHead(db(), file)).toBe('behind');
			expect(readAuditHead(file)!.seq).toBe(ahead.seq);
			expect((await verifyAuditChain(db(), ahead)).problems).toEqual([{ kind: 'newest_removed', seq: ahead.seq }]);
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	});

	it('keeps the outcome of the scheduled verification for the audit page', async () => {
		const at = new Date('2030-01-02T03:00:00Z');
		expect(await lastAuditVerification(db())).toBeNull();
		await recordAuditVerification(db(), at);
		expect(await lastAuditVerification(db())).toEqual({ at: at.toISOString(), rows: 25, problems: 0 });
	});

	it('detects a changed row and a deleted row once the guard is bypassed', async () => {
		if (dialect === 'sqlite') {
			await sql`drop trigger audit_log_no_update`.execute(db().kysely);
			await sql`drop trigger audit_log_no_delete`.execute(db().kysely);
		} else {
			await sql`drop trigger audit_log_no_change on audit_log`.execute(db().kysely);
		}
		await sql`update audit_log set entity_id = 'forged' where seq = (select min(seq) + 3 from audit_log)`.execute(db().kysely);
		const changed = await verifyAuditChain(db());
		expect(changed.problems).toEqual([{ kind: 'changed', seq: expect.any(String) }]);

		await sql`delete from audit_log where seq = (select min(seq) + 10 from audit_log)`.execute(db().kysely);
		const cut = await verifyAuditChain(db());
		expect(cut.problems.map((p) => p.kind)).toEqual(['changed', 'broken_link']);
	});
});
