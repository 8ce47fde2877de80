import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { Db } from './database';
import { withGroupedTransaction } from './grouped-transaction';
import { commitCount, withTransaction } from './transaction';

async function addCounter(tx: Db, name: string): Promise<string> {
	await tx.kysely.insertInto('counter').values({ name, value: 1 }).execute();
	return name;
}

async function counterNames(db: Db, prefix: string): Promise<string[]> {
	const rows = await db.kysely.selectFrom('counter').select('name').where('name', 'like', `${prefix}%`).orderBy('name').execute();
	return rows.map((r) => r.name);
}

describeEachDatabase('grouped transactions', (db, dialect) => {
	it('keeps every piece of a burst and answers each with its own result', async () => {
		const names = Array.from({ length: 20 }, (_, i) => `burst-${String(i).padStart(2, '0')}`);
		const before = commitCount(db());
		const results = await Promise.all(names.map((name) => withGroupedTransaction(db(), (tx) => addCounter(tx, name))));
		expect(results).toEqual(names);
		expect(await counterNames(db(), 'burst-')).toEqual(names);
		const commits = commitCount(db()) - before;
		// SQLite shares commits within a burst; PostgreSQL gives each piece a transaction of its own.
		if (dialect === 'sqlite') expect(commits).toBeLessThan(names.length);
		else expect(commits).toBe(names.length);
	});

	it('rolls back only the piece that failed, with all of its writes', async () => {
		await addCounter(db(), 'mixed-0');
		const outcomes = await Promise.allSettled([
			withGroupedTransaction(db(), (tx) => addCounter(tx, 'mixed-a')),
			withGroupedTransaction(db(), async (tx) => {
				await addCounter(tx, 'mixed-b1');
				await addCounter(tx, 'mixed-b2');
				throw new Error('refused');
			}),
			// A duplicate key fails inside the database, not in our code.
			withGroupedTransaction(db(), async (tx) => {
				await addCounter(tx, 'mixed-c');
				return addCounter(tx, 'mixed-0');
			}),
			withGroupedTransaction(db(), (tx) => addCounter(tx, 'mixed-d'))
		]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
		expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('refused');
		expect(await counterNames(db(), 'mixed-')).toEqual(['mixed-0', 'mixed-a', 'mixed-d']);
	});

	it('joins a transaction already open instead of waiting for a group', async () => {
		await expect(
			withTransaction(db(), async (tx) => {
				await withGroupedTransaction(tx, (inner) => addCounter(inner, 'joined-1'));
				throw new Error('outer rolls back');
			})
		).rejects.toThrow('outer rolls back');
		expect(await counterNames(db(), 'joined-')).toEqual([]);
	});

	it('answers a piece that arrives while a group commits in a later group', async () => {
		let later: Promise<string> | undefined;
		const first = withGroupedTransaction(db(), (tx) => {
			// Arrives mid-group: it must not be lost when the running group ends.
			later = withGroupedTransaction(db(), (next) => addCounter(next, 'late-2'));
			return addCounter(tx, 'late-1');
		});
		expect(await first).toBe('late-1');
		expect(await later).toBe('late-2');
		expect(await counterNames(db(), 'late-')).toEqual(['late-1', 'late-2']);
	});
});
