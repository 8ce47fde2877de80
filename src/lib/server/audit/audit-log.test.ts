import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { listAuditEntries, recordAudit, verifyAuditChain, type AuditActor } from './audit-log';

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

	it('refuses updates and deletes in the schema itself', async () => {
		await expect(sql`update audit_log set action = 'x'`.execute(db().kysely)).rejects.toThrow(/insert-only/);
		await expect(sql`delete from audit_log`.execute(db().kysely)).rejects.toThrow(/insert-only/);
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
