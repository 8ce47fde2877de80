import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { SYSTEM_ACTOR, type AuditActor } from '../audit/audit-log';
import { setReceptionTotpOptional } from '../clinic/security-settings';
import { seedClinic } from '../seed/demo-clinic';
import { createStaff } from '../staff/create-staff';
import { changePassword } from './change-password';
import { createSecretBox } from './secret-box';
import { regenerateRecoveryCodes, sealPlainTotpSecrets, verifySecondFactor } from './second-factor';
import { createSession, IDLE_TIMEOUT_MS, validateSession } from './session';
import { signIn } from './sign-in';
import { beginTotpEnrolment, confirmTotpEnrolment } from './totp-enrolment';
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

	/** Enrols `staff` as a fresh session would: the password again, then a code from the new secret. */
	async function enrol(staff: { id: string }, now: Date) {
		const first = await createSession(db(), staff.id, false, now);
		const begun = await beginTotpEnrolment(db(), secrets, { staffId: staff.id, createdAt: now }, PASSWORD, actor, now);
		if (!begun.ok) throw new Error(begun.code);
		const enrolled = await confirmTotpEnrolment(db(), secrets, staff.id, first.sessionId, totpCodeAt(begun.secret, now), actor, now);
		if (!enrolled.ok) throw new Error('enrolment failed');
		return { secret: begun.secret, ...enrolled };
	}

	it('stores only an argon2id hash of the password', async () => {
		const staff = await newStaff('hash@example.jp');
		expect(staff.password_hash).toMatch(/^\$argon2id\$/);
		expect(staff.password_hash).not.toContain(PASSWORD);
	});

	it('sends a practitioner and the owner without TOTP to set it up before anything else (issue #16)', async () => {
		await newStaff('owner@example.jp', 'owner');
		const practitioner = await signIn(db(), { email: 'hash@example.jp', password: PASSWORD }, actor);
		expect(practitioner.ok && practitioner.next).toBe('enrol');
		if (!practitioner.ok) throw new Error('sign-in failed');
		expect((await validateSession(db(), practitioner.token))?.secondFactorDone).toBe(false);
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
		const now = new Date('2026-11-25T01:00:00Z');
		const first = await createSession(db(), staff.id, false, now);
		const begun = await beginTotpEnrolment(db(), secrets, { staffId: staff.id, createdAt: now }, PASSWORD, actor, now);
		if (!begun.ok) throw new Error(begun.code);
		expect(await confirmTotpEnrolment(db(), secrets, staff.id, first.sessionId, '000000', actor, now)).toEqual({ ok: false, code: 'invalid_code' });
		const enrolled = await confirmTotpEnrolment(db(), secrets, staff.id, first.sessionId, totpCodeAt(begun.secret, now), actor, now);
		if (!enrolled.ok) throw new Error('enrolment failed');
		expect(enrolled.recoveryCodes).toHaveLength(10);
		// Enrolment completes the second factor under a new token; the one used before it is dead.
		expect(await validateSession(db(), first.token, now)).toBeNull();
		expect((await validateSession(db(), enrolled.session.token, now))?.secondFactorDone).toBe(true);

		const signedIn = await signIn(db(), { email: staff.email, password: PASSWORD }, actor);
		if (!signedIn.ok) throw new Error('sign-in failed');
		expect(signedIn.next).toBe('totp');
		// The code used at enrolment cannot be replayed.
		expect(await verifySecondFactor(db(), secrets, staff, signedIn.sessionId, totpCodeAt(begun.secret, now), actor, now)).toEqual({
			ok: false,
			code: 'invalid_code'
		});
		const next = new Date(now.getTime() + 30_000);
		const passed = await verifySecondFactor(db(), secrets, staff, signedIn.sessionId, totpCodeAt(begun.secret, next), actor, next);
		expect(passed).toMatchObject({ ok: true, usedRecoveryCode: false });

		const again = await signIn(db(), { email: staff.email, password: PASSWORD }, actor);
		if (!again.ok) throw new Error('sign-in failed');
		const recovery = enrolled.recoveryCodes[0]!;
		expect(await verifySecondFactor(db(), secrets, staff, again.sessionId, recovery.toUpperCase(), actor)).toMatchObject({ ok: true, usedRecoveryCode: true });
		const third = await signIn(db(), { email: staff.email, password: PASSWORD }, actor);
		if (!third.ok) throw new Error('sign-in failed');
		expect(await verifySecondFactor(db(), secrets, staff, third.sessionId, recovery, actor)).toEqual({ ok: false, code: 'invalid_code' });
	});

	it('replaces the session token when the second factor succeeds: the pending token stops working (issue #16)', async () => {
		const staff = await newStaff('rotate@example.jp');
		const now = new Date('2026-11-25T02:00:00Z');
		const { secret } = await enrol(staff, now);
		const pending = await createSession(db(), staff.id, false, now);
		const later = new Date(now.getTime() + 60_000);
		const passed = await verifySecondFactor(db(), secrets, staff, pending.sessionId, totpCodeAt(secret, later), actor, later);
		if (!passed.ok) throw new Error(passed.code);
		expect(passed.session.token).not.toBe(pending.token);
		expect(await validateSession(db(), pending.token, later)).toBeNull();
		const session = await validateSession(db(), passed.session.token, later);
		expect(session?.secondFactorDone).toBe(true);
		// The sign-in moment and the absolute expiry carry over.
		expect(session?.createdAt.toISOString()).toBe(now.toISOString());
		expect(passed.session.expiresAt.toISOString()).toBe(pending.expiresAt.toISOString());
	});

	it('shows a new secret only to a fresh session that types the password again (issue #16)', async () => {
		const staff = await newStaff('reveal@example.jp');
		const signedInAt = new Date('2026-11-25T03:00:00Z');
		const session = { staffId: staff.id, createdAt: signedInAt };
		const elevenMinutes = new Date(signedInAt.getTime() + 11 * 60_000);
		expect(await beginTotpEnrolment(db(), secrets, session, PASSWORD, actor, elevenMinutes)).toEqual({ ok: false, code: 'stale_session' });
		const nineMinutes = new Date(signedInAt.getTime() + 9 * 60_000);
		expect(await beginTotpEnrolment(db(), secrets, session, 'not my password', actor, nineMinutes)).toEqual({ ok: false, code: 'wrong_password' });
		const first = await beginTotpEnrolment(db(), secrets, session, PASSWORD, actor, nineMinutes);
		const second = await beginTotpEnrolment(db(), secrets, session, PASSWORD, actor, nineMinutes);
		if (!first.ok || !second.ok) throw new Error('not shown');
		expect(second.secret).not.toBe(first.secret);
		const stored = (await db().kysely.selectFrom('staff').select('totp_secret').where('id', '=', staff.id).executeTakeFirstOrThrow()).totp_secret!;
		expect(secrets.open(stored, staff.id)).toBe(second.secret);
		await enrol(await newStaff('already@example.jp'), nineMinutes);
		const already = (await db().kysely.selectFrom('staff').select('id').where('email', '=', 'already@example.jp').executeTakeFirstOrThrow()).id;
		expect(await beginTotpEnrolment(db(), secrets, { staffId: already, createdAt: nineMinutes }, PASSWORD, actor, nineMinutes)).toEqual({
			ok: false,
			code: 'already_enrolled'
		});
	});

	it('makes new recovery codes only for the password or a current code (issue #16)', async () => {
		const staff = await newStaff('codes@example.jp');
		const now = new Date('2026-11-25T04:00:00Z');
		const { secret, recoveryCodes } = await enrol(staff, now);
		expect(await regenerateRecoveryCodes(db(), secrets, staff.id, 'guess', actor, now)).toEqual({ ok: false, code: 'invalid_proof' });
		const byPassword = await regenerateRecoveryCodes(db(), secrets, staff.id, PASSWORD, actor, now);
		if (!byPassword.ok) throw new Error(byPassword.code);
		expect(byPassword.recoveryCodes).not.toContain(recoveryCodes[0]);
		const later = new Date(now.getTime() + 30_000);
		const byCode = await regenerateRecoveryCodes(db(), secrets, staff.id, totpCodeAt(secret, later), actor, later);
		expect(byCode.ok).toBe(true);
		// The same code a second time is no proof.
		expect(await regenerateRecoveryCodes(db(), secrets, staff.id, totpCodeAt(secret, later), actor, later)).toEqual({ ok: false, code: 'invalid_proof' });
	});

	it('keeps the TOTP secret sealed in the database, bound to its staff member', async () => {
		const staff = await newStaff('sealed@example.jp');
		const now = new Date('2026-11-25T05:00:00Z');
		const begun = await beginTotpEnrolment(db(), secrets, { staffId: staff.id, createdAt: now }, PASSWORD, actor, now);
		if (!begun.ok) throw new Error(begun.code);
		const stored = (await db().kysely.selectFrom('staff').select('totp_secret').where('id', '=', staff.id).executeTakeFirstOrThrow()).totp_secret!;
		expect(stored).toMatch(/^box1:/);
		expect(stored).not.toContain(begun.secret);
		// Another key, or the value moved to another row, opens nothing.
		expect(() => createSecretBox(randomBytes(32)).open(stored, staff.id)).toThrow();
		expect(() => secrets.open(stored, 'someone-else')).toThrow();
	});

	it('falls back to recovery codes when the server key cannot open the secret (restored without its key)', async () => {
		const staff = await newStaff('rekeyed@example.jp');
		const now = new Date('2026-11-25T06:00:00Z');
		const { secret, recoveryCodes } = await enrol(staff, now);
		const otherKey = createSecretBox(randomBytes(32));
		const signedIn = await signIn(db(), { email: staff.email, password: PASSWORD }, actor);
		if (!signedIn.ok) throw new Error('sign-in failed');
		const later = new Date(now.getTime() + 60_000);
		expect(await verifySecondFactor(db(), otherKey, staff, signedIn.sessionId, totpCodeAt(secret, later), actor, later)).toEqual({
			ok: false,
			code: 'invalid_code'
		});
		expect(await verifySecondFactor(db(), otherKey, staff, signedIn.sessionId, recoveryCodes[0]!, actor, later)).toMatchObject({
			ok: true,
			usedRecoveryCode: true
		});
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
		expect(await verifySecondFactor(db(), secrets, staff, signedIn.sessionId, totpCodeAt(plain, now), actor, now)).toMatchObject({
			ok: true,
			usedRecoveryCode: false
		});
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
	it('requires TOTP of reception by default; the owner may relax it for reception only (issue #16)', async () => {
		await seedClinic(db(), false);
		const accounts = { reception: 'desk@example.jp', practitioner: 'hari@example.jp', owner: 'boss@example.jp' } as const;
		for (const [role, email] of Object.entries(accounts)) {
			const created = await createStaff(db(), { email, role: role as keyof typeof accounts, displayName: role, password: PASSWORD }, SYSTEM_ACTOR);
			if (!created.ok) throw new Error(created.code);
		}
		const nextStep = async (email: string) => {
			const result = await signIn(db(), { email, password: PASSWORD }, actor);
			return result.ok ? result.next : result.code;
		};
		expect(await nextStep(accounts.reception)).toBe('enrol');
		await setReceptionTotpOptional(db(), true, SYSTEM_ACTOR);
		expect(await nextStep(accounts.reception)).toBe('done');
		expect(await nextStep(accounts.practitioner)).toBe('enrol');
		expect(await nextStep(accounts.owner)).toBe('enrol');
	});

	it('sends a session that passed without a second factor to enrol as soon as one is required again (issue #16)', async () => {
		await setReceptionTotpOptional(db(), true, SYSTEM_ACTOR);
		const signedIn = await signIn(db(), { email: 'desk@example.jp', password: PASSWORD }, actor);
		if (!signedIn.ok) throw new Error('sign-in failed');
		expect((await validateSession(db(), signedIn.token))?.secondFactorDone).toBe(true);
		await setReceptionTotpOptional(db(), false, SYSTEM_ACTOR);
		expect((await validateSession(db(), signedIn.token))?.secondFactorDone).toBe(false);
	});
});
