import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { SYSTEM_ACTOR, type AuditActor } from '../audit/audit-log';
import { setRequireTotpForAll } from '../clinic/security-settings';
import { seedClinic } from '../seed/demo-clinic';
import { createStaff } from '../staff/create-staff';
import { changePassword } from './change-password';
import { createSecretBox } from './secret-box';
import { beginTotpEnrolment, confirmTotpEnrolment, sealPlainTotpSecrets, verifySecondFactor } from './second-factor';
import { createSession, IDLE_TIMEOUT_MS, validateSession } from './session';
import { signIn } from './sign-in';
import { noteSignInFailure } from './throttle-store';
import { totpCodeAt } from './totp';

const actor: AuditActor = { type: 'anonymous', id: null, ip: '203.0.113.7', requestId: 'test' };
const PASSWORD = 'plum blossom in march';
const secrets = createSecretBox(randomBytes(32));

describeEachDatabase('staff authentication', (db) => {
	async function newStaff(email: string, role: 'owner' | 'practitioner' | 'reception' = 'practitioner') {
		const result = await createStaff(db(), { email, role, displayName: email, password: PASSWORD }, SYSTEM_ACTOR);
		if (!result.ok) throw new Error(result.code);
		return result.staff;
	}

	it('stores only an argon2id hash of the password', async () => {
		const staff = await newStaff('hash@example.jp');
		expect(staff.password_hash).toMatch(/^\$argon2id\$/);
		expect(staff.password_hash).not.toContain(PASSWORD);
	});

	it('signs a practitioner straight in, and sends the owner to set up TOTP', async () => {
		await newStaff('owner@example.jp', 'owner');
		const practitioner = await signIn(db(), { email: 'hash@example.jp', password: PASSWORD }, actor);
		expect(practitioner.ok && practitioner.next).toBe('done');
		const owner = await signIn(db(), { email: ' Owner@Example.jp ', password: PASSWORD }, actor);
		expect(owner.ok && owner.next).toBe('enrol');
	});

	it('answers a wrong password, an unknown e-mail and a disabled account the same way', async () => {
		const disabled = await newStaff('gone@example.jp');
		await db().kysely.updateTable('staff').set({ disabled: 1 }).where('id', '=', disabled.id).execute();
		for (const attempt of [
			{ email: 'hash@example.jp', password: 'wrong password here' },
			{ email: 'nobody@example.jp', password: PASSWORD },
			{ email: 'gone@example.jp', password: PASSWORD }
		]) {
			expect(await signIn(db(), attempt, actor)).toEqual({ ok: false, code: 'invalid_credentials' });
		}
	});

	it('locks an e-mail after ten failures, even with the right password, and says for how long', async () => {
		const staff = await newStaff('locked@example.jp');
		for (let i = 0; i < 10; i++) await noteSignInFailure(db(), staff.email, '198.51.100.1');
		const result = await signIn(db(), { email: staff.email, password: PASSWORD }, { ...actor, ip: '198.51.100.2' });
		expect(result).toEqual({ ok: false, code: 'locked', retryAfterSeconds: 900 });
	});

	it('keeps only the SHA-256 of a session token, and ends idle sessions', async () => {
		const staff = await newStaff('session@example.jp');
		const start = new Date('2026-11-25T00:00:00Z');
		const { token, sessionId } = await createSession(db(), staff.id, true, start);
		const stored = await db().kysely.selectFrom('staff_session').select('id').where('staff_id', '=', staff.id).execute();
		expect(stored.map((s) => s.id)).toEqual([sessionId]);
		expect(sessionId).not.toBe(token);
		expect(await validateSession(db(), token, new Date(start.getTime() + IDLE_TIMEOUT_MS - 1000))).not.toBeNull();
		const later = new Date(start.getTime() + 2 * IDLE_TIMEOUT_MS);
		expect(await validateSession(db(), token, later)).toBeNull();
	});

	it('ends a session after twelve hours even when it is kept busy', async () => {
		const staff = await newStaff('busy@example.jp');
		const start = new Date('2026-11-25T00:00:00Z');
		const { token } = await createSession(db(), staff.id, true, start);
		for (let hour = 1; hour < 12; hour++) {
			expect(await validateSession(db(), token, new Date(start.getTime() + hour * 3_600_000))).not.toBeNull();
		}
		expect(await validateSession(db(), token, new Date(start.getTime() + 12 * 3_600_000 + 1000))).toBeNull();
	});

	it('accepts each TOTP code once, and each recovery code once', async () => {
		const staff = await newStaff('totp@example.jp');
		const now = new Date();
		const first = await createSession(db(), staff.id, false, now);
		const secret = (await beginTotpEnrolment(db(), secrets, staff.id))!;
		expect(await confirmTotpEnrolment(db(), secrets, staff.id, first.sessionId, '000000', actor, now)).toEqual({ ok: false, code: 'invalid_code' });
		const enrolled = await confirmTotpEnrolment(db(), secrets, staff.id, first.sessionId, totpCodeAt(secret, now), actor, now);
		if (!enrolled.ok) throw new Error('enrolment failed');
		expect(enrolled.recoveryCodes).toHaveLength(10);

		const signedIn = await signIn(db(), { email: staff.email, password: PASSWORD }, actor);
		if (!signedIn.ok) throw new Error('sign-in failed');
		expect(signedIn.next).toBe('totp');
		const fresh = { ...staff, totp_enabled: 1 };
		// The code used at enrolment cannot be replayed.
		expect(await verifySecondFactor(db(), secrets, fresh, signedIn.sessionId, totpCodeAt(secret, now), actor, now)).toEqual({ ok: false, code: 'invalid_code' });
		const next = new Date(now.getTime() + 30_000);
		expect(await verifySecondFactor(db(), secrets, fresh, signedIn.sessionId, totpCodeAt(secret, next), actor, next)).toEqual({ ok: true, usedRecoveryCode: false });

		const recovery = enrolled.recoveryCodes[0]!;
		expect(await verifySecondFactor(db(), secrets, fresh, signedIn.sessionId, recovery.toUpperCase(), actor)).toEqual({ ok: true, usedRecoveryCode: true });
		expect(await verifySecondFactor(db(), secrets, fresh, signedIn.sessionId, recovery, actor)).toEqual({ ok: false, code: 'invalid_code' });
		const session = await validateSession(db(), signedIn.token);
		expect(session?.secondFactorDone).toBe(true);
	});

	it('keeps the TOTP secret sealed in the database, bound to its staff member', async () => {
		const staff = await newStaff('sealed@example.jp');
		const secret = (await beginTotpEnrolment(db(), secrets, staff.id))!;
		const stored = (await db().kysely.selectFrom('staff').select('totp_secret').where('id', '=', staff.id).executeTakeFirstOrThrow()).totp_secret!;
		expect(stored).toMatch(/^box1:/);
		expect(stored).not.toContain(secret);
		// A reload shows the same secret; another key, or the value moved to another row, opens nothing.
		expect(await beginTotpEnrolment(db(), secrets, staff.id)).toBe(secret);
		expect(() => createSecretBox(randomBytes(32)).open(stored, staff.id)).toThrow();
		expect(() => secrets.open(stored, 'someone-else')).toThrow();
	});

	it('falls back to recovery codes when the server key cannot open the secret (restored without its key)', async () => {
		const staff = await newStaff('rekeyed@example.jp');
		const now = new Date();
		const first = await createSession(db(), staff.id, false, now);
		const secret = (await beginTotpEnrolment(db(), secrets, staff.id))!;
		const enrolled = await confirmTotpEnrolment(db(), secrets, staff.id, first.sessionId, totpCodeAt(secret, now), actor, now);
		if (!enrolled.ok) throw new Error('enrolment failed');
		const otherKey = createSecretBox(randomBytes(32));
		const signedIn = await signIn(db(), { email: staff.email, password: PASSWORD }, actor);
		if (!signedIn.ok) throw new Error('sign-in failed');
		const later = new Date(now.getTime() + 60_000);
		const fresh = { ...staff, totp_enabled: 1 };
		expect(await verifySecondFactor(db(), otherKey, fresh, signedIn.sessionId, totpCodeAt(secret, later), actor, later)).toEqual({ ok: false, code: 'invalid_code' });
		expect(await verifySecondFactor(db(), otherKey, fresh, signedIn.sessionId, enrolled.recoveryCodes[0]!, actor, later)).toEqual({ ok: true, usedRecoveryCode: true });
	});

	it('seals, at start, a secret an earlier version kept in the clear, and it still verifies', async () => {
		const staff = await newStaff('legacy@example.jp');
		const now = new Date();
		const plain = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
		await db().kysely.updateTable('staff').set({ totp_secret: plain, totp_enabled: 1 }).where('id', '=', staff.id).execute();
		expect(await sealPlainTotpSecrets(db(), secrets)).toBeGreaterThanOrEqual(1);
		const stored = (await db().kysely.selectFrom('staff').select('totp_secret').where('id', '=', staff.id).executeTakeFirstOrThrow()).totp_secret!;
		expect(stored).toMatch(/^box1:/);
		expect(await sealPlainTotpSecrets(db(), secrets)).toBe(0);
		const signedIn = await signIn(db(), { email: staff.email, password: PASSWORD }, actor);
		if (!signedIn.ok) throw new Error('sign-in failed');
		expect(await verifySecondFactor(db(), secrets, { ...staff, totp_enabled: 1 }, signedIn.sessionId, totpCodeAt(plain, now), actor, now)).toEqual({ ok: true, usedRecoveryCode: false });
	});

	it('changes a password only with the current one, and signs out other devices', async () => {
		const staff = await newStaff('change@example.jp');
		const here = await createSession(db(), staff.id, true);
		const there = await createSession(db(), staff.id, true);
		expect(await changePassword(db(), staff, here.sessionId, { currentPassword: 'wrong', newPassword: 'a new long passphrase' }, actor)).toEqual({
			ok: false,
			code: 'wrong_current_password'
		});
		expect(await changePassword(db(), staff, here.sessionId, { currentPassword: PASSWORD, newPassword: 'k7#vLq2x' }, actor)).toEqual({
			ok: false,
			code: 'weak_password',
			problems: ['too_short']
		});
		expect(await changePassword(db(), staff, here.sessionId, { currentPassword: PASSWORD, newPassword: 'a new long passphrase' }, actor)).toEqual({ ok: true });
		expect(await validateSession(db(), here.token)).not.toBeNull();
		expect(await validateSession(db(), there.token)).toBeNull();
		expect((await signIn(db(), { email: staff.email, password: 'a new long passphrase' }, actor)).ok).toBe(true);
	});
});

describeEachDatabase('clinic-wide second factor', (db) => {
	it('sends every staff member to TOTP setup once the clinic requires it', async () => {
		await seedClinic(db(), false);
		const created = await createStaff(db(), { email: 'desk@example.jp', role: 'reception', displayName: 'desk', password: PASSWORD }, SYSTEM_ACTOR);
		if (!created.ok) throw new Error(created.code);
		const before = await signIn(db(), { email: 'desk@example.jp', password: PASSWORD }, actor);
		expect(before.ok && before.next).toBe('done');
		await setRequireTotpForAll(db(), true, SYSTEM_ACTOR);
		const after = await signIn(db(), { email: 'desk@example.jp', password: PASSWORD }, actor);
		expect(after.ok && after.next).toBe('enrol');
	});
});
