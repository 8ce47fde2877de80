import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpPeer, type SmtpPeer } from '../../../../tests/support/smtp-peer';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { invitationMail } from '../staff/invitation-mail';
import { createMailer } from './mailer';

/* A real SMTP peer on loopback receives what the app sends. */
let peer: SmtpPeer;
let received: SmtpPeer['received'] = [];
let smtpUrl = '';
beforeAll(async () => {
	peer = await startSmtpPeer();
	received = peer.received;
	smtpUrl = peer.url;
});
afterAll(() => peer.close());

const invitation = (to: string) =>
	invitationMail({
		to,
		role: 'reception',
		url: 'http://localhost:3000/staff/invite/abc',
		expiresAt: new Date('2026-12-02T03:00:00Z'),
		clinicName: 'フジウェルネス鍼灸院',
		timeZone: 'Asia/Tokyo',
		locale: 'ja'
	});

describeEachDatabase('mailer', (db) => {
	it('delivers through SMTP and marks the outbox row as sent', async () => {
		const to = `new-${crypto.randomUUID()}@example.jp`;
		const result = await createMailer(smtpUrl).send(db(), invitation(to));
		expect(result.delivered).toBe(true);
		const mail = received.find((m) => m.to && 'text' in m.to && m.to.text === to);
		expect(mail?.subject).toBe('フジウェルネス鍼灸院 スタッフアカウントへのご招待');
		expect(mail?.text).toContain('役割: 受付');
		expect(mail?.text).toContain('2026年12月2日 12:00');
		expect(mail?.text).toContain('http://localhost:3000/staff/invite/abc');
		const row = await db().kysely.selectFrom('mail_outbox').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
		expect(row.sent_at).not.toBeNull();
	});

	it('keeps the mail in the outbox when no SMTP server is configured', async () => {
		const result = await createMailer(undefined).send(db(), invitation('kept@example.jp'));
		expect(result.delivered).toBe(false);
		const row = await db().kysely.selectFrom('mail_outbox').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ recipient: 'kept@example.jp', sent_at: null, last_error: null, kind: 'staff.invitation' });
	});

	it('records a delivery failure without losing the mail', async () => {
		const result = await createMailer('smtp://127.0.0.1:1').send(db(), invitation('unreachable@example.jp'));
		expect(result.delivered).toBe(false);
		const row = await db().kysely.selectFrom('mail_outbox').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
		expect(row.sent_at).toBeNull();
		expect(row.last_error).toMatch(/ECONNREFUSED/);
	});
});
