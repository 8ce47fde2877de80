import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { sha256Hex } from '../crypto';
import type { Db } from '../db/database';
import { capturingMailer } from '../../../../tests/support/capturing-mailer';
import { seedDemoClinic } from '../seed/demo-clinic';
import { consumeMagicLink, createMagicLink, isMagicLinkLive, MAX_LIVE_SIGN_IN_LINKS, requestMagicLink, SIGN_IN_LINK_TTL_MS } from './magic-link';
import { validatePatientSession } from './patient-session';
import { signInWithMagicLink } from './sign-in';
import { insertPatient } from './test-patients';

const visitor: AuditActor = { type: 'anonymous', id: null, ip: '203.0.113.7', requestId: 'test' };
const ORIGIN = 'https://clinic.example.jp';
const NOW = new Date('2030-05-01T00:00:00Z');
const mailer = capturingMailer();

/** The mails as the patient receives them (the outbox copy has its links redacted). */
async function mailsTo(db: Db, address: string) {
	const rows = await db.kysely.selectFrom('mail_outbox').selectAll().where('recipient', '=', address).orderBy('created_at').execute();
	return rows.map((row) => ({ ...row, body: mailer.sent.find((m) => m.outboxId === row.id)!.text }));
}

function tokensIn(text: string): string[] {
	return [...text.matchAll(/\/portal\/auth\/([a-z0-9]+)/g)].map((m) => m[1]!);
}

describeEachDatabase('signing in to the portal by e-mailed link', (db) => {
	beforeAll(async () => {
		await seedDemoClinic(db());
	});

	it('mails a single-use link, in the patient’s language, whatever the case or spaces of the address', async () => {
		const id = await insertPatient(db(), { email: 'Alex.Morgan@Example.jp', givenName: 'Alex', familyName: 'Morgan', locale: 'en' });
		expect(await requestMagicLink(db(), mailer, '  alex.morgan@EXAMPLE.jp ', 'ja', ORIGIN, visitor, NOW)).toEqual({ linksSent: 1 });
		const [mail] = await mailsTo(db(), 'Alex.Morgan@Example.jp');
		expect(mail!.subject).toBe('Fuji Wellness Acupuncture: sign-in link for Alex');
		expect(mail!.body).toContain('Portal for Alex:');
		expect(mail!.body).toMatch(/https:\/\/clinic\.example\.jp\/en\/portal\/auth\/[a-z0-9]{32}/);
		const [token] = tokensIn(mail!.body);
		const stored = await db().kysely.selectFrom('patient_magic_link').selectAll().where('patient_id', '=', id).execute();
		expect(stored).toHaveLength(1);
		expect(stored[0]!.id).toBe(sha256Hex(token!));
		expect(stored[0]!.expires_at).toBe(new Date(NOW.getTime() + SIGN_IN_LINK_TTL_MS).toISOString());

		expect(await isMagicLinkLive(db(), token!, NOW)).toBe(true);
		expect(await consumeMagicLink(db(), token!, NOW)).toBe(id);
		expect(await consumeMagicLink(db(), token!, NOW)).toBeNull();
		expect(await isMagicLinkLive(db(), token!, NOW)).toBe(false);
	});

	it('sends a family sharing an address one mail per person, each naming whose record its one link opens (issue #16)', async () => {
		const mother = await insertPatient(db(), { email: 'family@example.jp', givenName: '花子' });
		const son = await insertPatient(db(), { email: 'family@example.jp', givenName: '太郎' });
		await insertPatient(db(), { email: 'family@example.jp', givenName: '旧', mergedInto: mother });
		expect(await requestMagicLink(db(), mailer, 'family@example.jp', 'ja', ORIGIN, visitor, NOW)).toEqual({ linksSent: 2 });
		const mails = await mailsTo(db(), 'family@example.jp');
		expect(mails).toHaveLength(2);
		const mailFor = (name: string) => mails.find((m) => m.subject === `【フジウェルネス鍼灸院】${name} 様のマイページのログイン用リンク`)!;
		for (const [name, other, patientId] of [
			['花子', '太郎', mother],
			['太郎', '花子', son]
		] as const) {
			const mail = mailFor(name);
			expect(mail.body).toContain(`${name} 様のマイページ:`);
			expect(mail.body).toContain(`このリンクで開けるのは ${name} 様の記録だけです。`);
			expect(mail.body).not.toContain(other);
			expect(mail.body).not.toContain('山田');
			expect(mail.body).not.toContain('旧');
			const tokens = tokensIn(mail.body);
			expect(tokens).toHaveLength(1);
			expect(await consumeMagicLink(db(), tokens[0]!, NOW)).toBe(patientId);
		}
	});

	it('sends nothing for an unknown address and says so only to the caller’s tests', async () => {
		const before = (await db().kysely.selectFrom('mail_outbox').select('id').execute()).length;
		expect(await requestMagicLink(db(), mailer, 'nobody@example.jp', 'ja', ORIGIN, visitor, NOW)).toEqual({ linksSent: 0 });
		expect(await db().kysely.selectFrom('mail_outbox').select('id').execute()).toHaveLength(before);
	});

	it('stops sending after three unused live links, and sends again once they expire', async () => {
		const id = await insertPatient(db(), { email: 'flood@example.jp', givenName: '一郎' });
		for (let i = 0; i < MAX_LIVE_SIGN_IN_LINKS; i++) {
			expect((await requestMagicLink(db(), mailer, 'flood@example.jp', 'ja', ORIGIN, visitor, NOW)).linksSent).toBe(1);
		}
		expect((await requestMagicLink(db(), mailer, 'flood@example.jp', 'ja', ORIGIN, visitor, NOW)).linksSent).toBe(0);
		expect(await mailsTo(db(), 'flood@example.jp')).toHaveLength(3);
		// A week-long link from a booking confirmation does not count against sign-in requests.
		const later = new Date(NOW.getTime() + SIGN_IN_LINK_TTL_MS);
		await createMagicLink(db(), id, 7 * 24 * 3_600_000, later);
		expect((await requestMagicLink(db(), mailer, 'flood@example.jp', 'ja', ORIGIN, visitor, later)).linksSent).toBe(1);
	});

	it('refuses an expired, unknown or malformed link', async () => {
		const id = await insertPatient(db(), { email: 'late@example.jp', givenName: '遅子' });
		const token = await createMagicLink(db(), id, SIGN_IN_LINK_TTL_MS, NOW);
		const expiry = new Date(NOW.getTime() + SIGN_IN_LINK_TTL_MS);
		expect(await isMagicLinkLive(db(), token, expiry)).toBe(false);
		expect(await consumeMagicLink(db(), token, expiry)).toBeNull();
		expect(await consumeMagicLink(db(), `${token}x`, NOW)).toBeNull();
		expect(await consumeMagicLink(db(), '', NOW)).toBeNull();
		expect(await consumeMagicLink(db(), 'x'.repeat(500), NOW)).toBeNull();
		// Expiry did not use it up: one millisecond before, it still works.
		expect(await consumeMagicLink(db(), token, new Date(expiry.getTime() - 1))).toBe(id);
	});

	it('lets only one of two simultaneous uses of a link sign in', async () => {
		const id = await insertPatient(db(), { email: 'race@example.jp', givenName: '競' });
		const token = await createMagicLink(db(), id, SIGN_IN_LINK_TTL_MS, NOW);
		const results = await Promise.all([consumeMagicLink(db(), token, NOW), consumeMagicLink(db(), token, NOW), consumeMagicLink(db(), token, NOW)]);
		expect(results.filter((r) => r === id)).toHaveLength(1);
		expect(results.filter((r) => r === null)).toHaveLength(2);
	});

	it('creates a session for the patient and audits the sign-in with the patient as actor', async () => {
		const id = await insertPatient(db(), { email: 'session@example.jp', givenName: '誠' });
		const token = await createMagicLink(db(), id, SIGN_IN_LINK_TTL_MS, NOW);
		const result = await signInWithMagicLink(db(), token, visitor, NOW);
		if (!result.ok) throw new Error(result.code);
		expect(result.patientId).toBe(id);
		expect((await validatePatientSession(db(), result.token, NOW))?.patientId).toBe(id);
		expect(await signInWithMagicLink(db(), token, visitor, NOW)).toEqual({ ok: false, code: 'link_invalid' });
		const audit = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'portal.sign_in').where('patient_id', '=', id).execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actor_type: 'patient', actor_id: id, ip: '203.0.113.7', detail: null });
	});

	it('does not sign in to a record merged since the link was sent', async () => {
		const survivor = await insertPatient(db(), { email: 'merged@example.jp', givenName: '残' });
		const merged = await insertPatient(db(), { email: 'merged@example.jp', givenName: '旧' });
		const token = await createMagicLink(db(), merged, SIGN_IN_LINK_TTL_MS, NOW);
		await db().kysely.updateTable('patient').set({ merged_into_id: survivor }).where('id', '=', merged).execute();
		expect(await isMagicLinkLive(db(), token, NOW)).toBe(false);
		expect(await consumeMagicLink(db(), token, NOW)).toBeNull();
	});
});
