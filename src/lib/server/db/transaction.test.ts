import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { recordAudit, verifyAuditChain, type AuditActor } from '../audit/audit-log';
import { inSavepoint, withDeferredWrites, withTransaction } from './transaction';

const actor: AuditActor = { type: 'staff', id: 'staff-1', ip: '127.0.0.1', requestId: 'req-1' };

describeEachDatabase('audit rows kept back until the commit', (db) => {
	const actions = async () => (await db().kysely.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);

	it('writes a transaction’s audit rows in the order recorded, chained, with its changes', async () => {
		await withTransaction(db(), async (tx) => {
			await recordAudit(tx, actor, { action: 'tx.first' });
			await tx.kysely.insertInto('counter').values({ name: 'deferred-test', value: 1 }).execute();
			await recordAudit(tx, actor, { action: 'tx.second' });
		});
		expect(await actions()).toEqual(['tx.first', 'tx.second']);
		expect((await verifyAuditChain(db())).problems).toEqual([]);
	});

	it('keeps no audit row of a transaction rolled back, nor of a failed savepoint', async () => {
		await expect(
			withTransaction(db(), async (tx) => {
				await recordAudit(tx, actor, { action: 'rolled.back' });
				throw new Error('no');
			})
		).rejects.toThrow('no');
		await withTransaction(db(), async (tx) => {
			await recordAudit(tx, actor, { action: 'piece.kept' });
			const failed = await inSavepoint(tx, async () => {
				await recordAudit(tx, actor, { action: 'piece.failed' });
				throw new Error('piece');
			});
			expect(failed.ok).toBe(false);
			await inSavepoint(tx, () => recordAudit(tx, actor, { action: 'piece.after' }));
		});
		expect(await actions()).toEqual(['tx.first', 'tx.second', 'piece.kept', 'piece.after']);
	});

	it('writes the audit rows of deferred reads together when the work ends, even when it fails', async () => {
		const seen: string[] = [];
		await withDeferredWrites(db(), async (reader) => {
			await Promise.all([recordAudit(reader, actor, { action: 'read.one' }), recordAudit(reader, actor, { action: 'read.two' })]);
			// Nothing is written before the work ends.
			seen.push(...(await actions()));
		});
		expect(seen).not.toContain('read.one');
		await expect(
			withDeferredWrites(db(), async (reader) => {
				await recordAudit(reader, actor, { action: 'read.before.failure' });
				throw new Error('read failed');
			})
		).rejects.toThrow('read failed');
		expect((await actions()).slice(-3)).toEqual(['read.one', 'read.two', 'read.before.failure']);
		expect((await verifyAuditChain(db())).problems).toEqual([]);
	});
});
