import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { createPostgresDatabase, describeEachDatabase } from '../../../../tests/support/test-database';
import { openDatabase, type Db, type DialectName } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createRateLimiter } from './rate-limit-store';

const TWO_PER_SECOND = { limit: 2, windowMs: 1_000 };
const T0 = Date.parse('2026-11-27T00:00:00Z');

describeEachDatabase('rate limiter in the database', (db, dialect) => {
	beforeEach(async () => {
		await db().kysely.deleteFrom('rate_limit_entry').execute();
	});

	it('counts each key on its own, and names the true wait', async () => {
		const limiter = createRateLimiter('test', TWO_PER_SECOND);
		const taken = [await limiter.take(db(), 'a', T0), await limiter.take(db(), 'a', T0 + 1), await limiter.take(db(), 'a', T0 + 2)];
		expect(taken).toEqual([{ ok: true }, { ok: true }, { ok: false, retryAfterMs: 998 }]);
		expect(await limiter.take(db(), 'b', T0 + 3)).toEqual({ ok: true });
		expect(await limiter.take(db(), 'a', T0 + 1_000)).toEqual({ ok: true });
	});

	it('keeps policies apart although they count the same key', async () => {
		const booking = createRateLimiter('booking', { limit: 1, windowMs: 60_000 });
		const contact = createRateLimiter('contact', { limit: 1, windowMs: 60_000 });
		expect(await booking.take(db(), '198.51.100.7', T0)).toEqual({ ok: true });
		expect(await contact.take(db(), '198.51.100.7', T0)).toEqual({ ok: true });
		expect((await booking.take(db(), '198.51.100.7', T0 + 1)).ok).toBe(false);
	});

	it('stores no address or account, only hashes', async () => {
		const limiter = createRateLimiter('test', TWO_PER_SECOND);
		await limiter.take(db(), 'owner@example.jp', T0);
		await limiter.take(db(), '198.51.100.7', T0);
		const rows = await db().kysely.selectFrom('rate_limit_entry').selectAll().execute();
		expect(rows).toHaveLength(2);
		expect(JSON.stringify(rows)).not.toMatch(/example\.jp|198\.51/);
	});

	it('forgets entries whose window has passed, those of other keys too', async () => {
		const limiter = createRateLimiter('test', TWO_PER_SECOND);
		for (let i = 0; i < 20; i++) await limiter.take(db(), `old-${i}`, T0 + i);
		// The first take swept; a minute later the next one sweeps again.
		await limiter.take(db(), 'new', T0 + 61_000);
		const left = await db().kysely.selectFrom('rate_limit_entry').select('key_hash').execute();
		expect(left).toHaveLength(1);
	});

	it('refuses a policy that could never accept anything', () => {
		expect(() => createRateLimiter('test', { limit: 0, windowMs: 1_000 })).toThrow(RangeError);
		expect(() => createRateLimiter('test', { limit: 1, windowMs: 0 })).toThrow(RangeError);
	});

	it('gives two instances on one database one count, also when they ask at the same moment', async () => {
		const [first, second] = await twoHandlesOnOneDatabase(dialect);
		try {
			const limiters = [createRateLimiter('booking', { limit: 5, windowMs: 60_000 }), createRateLimiter('booking', { limit: 5, windowMs: 60_000 })];
			const take = (i: number) => limiters[i % 2]!.take(i % 2 ? second : first, '203.0.113.9', T0 + i);
			// PostgreSQL instances race; two SQLite connections in one process would block each other's
			// event loop, so there they take turns (one writer is SQLite's rule anyway).
			const verdicts = dialect === 'postgres' ? await Promise.all(Array.from({ length: 20 }, (_, i) => take(i))) : [];
			if (dialect === 'sqlite') for (let i = 0; i < 20; i++) verdicts.push(await take(i));
			expect(verdicts.filter((v) => v.ok)).toHaveLength(5);
		} finally {
			await second.close();
			await first.close();
		}
	});
});

/** Two app instances, as two handles (two pools, or two SQLite connections) on one migrated database. */
async function twoHandlesOnOneDatabase(dialect: DialectName): Promise<[Db, Db]> {
	if (dialect === 'postgres') {
		const url = await createPostgresDatabase();
		const first = openDatabase({ databaseUrl: url, poolSize: 5 });
		await migrateToLatest(first);
		return [first, openDatabase({ databaseUrl: url, poolSize: 5 })];
	}
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-limits-')), 'shared.sqlite');
	const first = openDatabase({ sqliteFile: file });
	await migrateToLatest(first);
	return [first, openDatabase({ sqliteFile: file })];
}
