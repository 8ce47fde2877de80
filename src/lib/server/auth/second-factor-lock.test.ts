import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../../../tests/support/test-database';
import { SYSTEM_ACTOR, type AuditActor } from '../audit/audit-log';
import { openDatabase, type Db } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createStaff } from '../staff/create-staff';
import { createSecretBox } from './secret-box';
import { verifySecondFactor } from './second-factor';
import { createSession, validateSession } from './session';
import { confirmTotpEnrolment, beginTotpEnrolment } from './totp-enrolment';
import { totpCodeAt } from './totp';

/*
 * Issue #16: wrong second-factor codes are counted per account in the database, so two app
 * instances on one PostgreSQL database, or one SQLite server restarted between guesses, see the
 * same count; the fifth wrong code locks the account's second step and ends the pending session.
 */

const actor: AuditActor = { type: 'anonymous', id: null, ip: '203.0.113.9', requestId: 'test' };
const PASSWORD = 'plum blossom in march';
const secrets = createSecretBox(randomBytes(32));
const T0 = new Date('2026-11-25T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const opened: Db[] = [];
const dirs: string[] = [];

afterAll(async () => {
	for (const db of opened) await db.close().catch(() => undefined);
	for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function open(options: Parameters<typeof openDatabase>[0]): Db {
	const db = openDatabase(options);
	opened.push(db);
	return db;
}

async function enrolledStaff(db: Db): Promise<{ id: string; secret: string }> {
	const created = await createStaff(db, { email: 'guess@example.jp', role: 'practitioner', displayName: 'guess', password: PASSWORD }, SYSTEM_ACTOR);
	if (!created.ok) throw new Error(created.code);
	const pending = await createSession(db, created.staff.id, false, T0);
	const begun = await beginTotpEnrolment(db, secrets, { staffId: created.staff.id, createdAt: T0 }, PASSWORD, actor, T0);
	if (!begun.ok) throw new Error(begun.code);
	const enrolled = await confirmTotpEnrolment(db, secrets, created.staff.id, pending.sessionId, totpCodeAt(begun.secret, T0), actor, T0);
	if (!enrolled.ok) throw new Error('enrolment failed');
	return { id: created.staff.id, secret: begun.secret };
}

/** A code that is certainly wrong at `now`. */
function wrongCode(secret: string, now: Date): string {
	const right = totpCodeAt(secret, now);
	return right === '000000' ? '111111' : '000000';
}

async function expectLockAcross(first: () => Db, second: () => Db | Promise<Db>) {
	const staff = await enrolledStaff(first());
	const pending = await createSession(first(), staff.id, false, at(60));
	for (let i = 1; i <= 3; i++) {
		expect(await verifySecondFactor(first(), secrets, staff, pending.sessionId, wrongCode(staff.secret, at(60 + i)), actor, at(60 + i))).toEqual({
			ok: false,
			code: 'invalid_code'
		});
	}
	const other = await second();
	expect(await verifySecondFactor(other, secrets, staff, pending.sessionId, wrongCode(staff.secret, at(64)), actor, at(64))).toEqual({
		ok: false,
		code: 'invalid_code'
	});
	expect(await verifySecondFactor(other, secrets, staff, pending.sessionId, wrongCode(staff.secret, at(65)), actor, at(65))).toEqual({
		ok: false,
		code: 'locked',
		retryAfterSeconds: 900
	});
	// The half-signed-in session is gone, on every handle.
	expect(await validateSession(other, pending.token, at(66))).toBeNull();
	// Even the right code, in a new pending session, waits for the lock to pass.
	const retry = await createSession(other, staff.id, false, at(120));
	expect(await verifySecondFactor(other, secrets, staff, retry.sessionId, totpCodeAt(staff.secret, at(120)), actor, at(120))).toMatchObject({
		ok: false,
		code: 'locked'
	});
	const afterLock = at(65 + 15 * 60 + 30);
	const fresh = await createSession(other, staff.id, false, afterLock);
	expect(await verifySecondFactor(other, secrets, staff, fresh.sessionId, totpCodeAt(staff.secret, afterLock), actor, afterLock)).toMatchObject({ ok: true });
}

describe('the second-factor lock', () => {
	it('is shared by two instances on one PostgreSQL database', async () => {
		const url = await createPostgresDatabase();
		const a = open({ databaseUrl: url, poolSize: 2 });
		const b = open({ databaseUrl: url, poolSize: 2 });
		await migrateToLatest(a);
		await expectLockAcross(
			() => a,
			() => b
		);
	});

	it('survives a restart on SQLite', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-lock-'));
		dirs.push(dir);
		const file = path.join(dir, 'clinic.sqlite');
		const before = open({ sqliteFile: file });
		await migrateToLatest(before);
		await expectLockAcross(
			() => before,
			async () => {
				await before.close();
				return open({ sqliteFile: file });
			}
		);
	});
});
