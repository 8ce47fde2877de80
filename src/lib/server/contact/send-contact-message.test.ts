import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { createMailer } from '../mail/mailer';
import { seedClinic } from '../seed/demo-clinic';
import { CONTACT_LIMIT, listContactMessages, markContactMessageHandled, sendContactMessage } from './send-contact-message';

const visitor = (ip: string): AuditActor => ({ type: 'anonymous', id: null, ip, requestId: 'r' });
const message = { name: '田中 一郎', email: 'ichiro@example.jp', phone: '', message: '土曜日は予約できますか？' };

describeEachDatabase('contact messages', (db) => {
	const mailer = createMailer(undefined);

	it('keeps a message, audits it and queues a mail to the clinic', async () => {
		await seedClinic(db(), false);
		await db().kysely.updateTable('clinic').set({ email: 'clinic@example.jp' }).execute();
		expect(await sendContactMessage(db(), mailer, message, { actor: visitor('192.0.2.1'), locale: 'ja' })).toEqual({ ok: true });
		const [stored] = await listContactMessages(db());
		expect(stored).toMatchObject({ name: '田中 一郎', locale: 'ja', handled_at: null });
		expect(stored!.sender_key).not.toContain('192.0.2.1');
		const mail = await db().kysely.selectFrom('mail_outbox').selectAll().where('kind', '=', 'contact.message').executeTakeFirstOrThrow();
		expect(mail.recipient).toBe('clinic@example.jp');
		expect(mail.body).toContain('土曜日は予約できますか？');
		const audit = await db().kysely.selectFrom('audit_log').select('action').where('entity_id', '=', stored!.id).execute();
		expect(audit.map((a) => a.action)).toEqual(['contact.received']);
	});

	it('refuses the fourth message from one address within ten minutes, and says when to retry', async () => {
		const now = new Date('2026-11-25T03:00:00Z');
		for (let i = 0; i < CONTACT_LIMIT.messages; i++) {
			const at = new Date(now.getTime() + i * 60_000);
			expect(await sendContactMessage(db(), mailer, message, { actor: visitor('192.0.2.9'), locale: 'en' }, at)).toEqual({ ok: true });
		}
		const fourth = await sendContactMessage(db(), mailer, message, { actor: visitor('192.0.2.9'), locale: 'en' }, new Date(now.getTime() + 5 * 60_000));
		expect(fourth).toEqual({ ok: false, code: 'rate_limited', retryAfterSeconds: 300 });
		const later = await sendContactMessage(db(), mailer, message, { actor: visitor('192.0.2.9'), locale: 'en' }, new Date(now.getTime() + 11 * 60_000));
		expect(later).toEqual({ ok: true });
	});

	it('keeps nothing from a robot that fills the hidden field', async () => {
		const before = (await listContactMessages(db())).length;
		expect(await sendContactMessage(db(), mailer, { ...message, website: 'x' }, { actor: visitor('192.0.2.7'), locale: 'en' })).toEqual({ ok: true });
		expect((await listContactMessages(db())).length).toBe(before);
	});

	it('marks a message handled once', async () => {
		const [latest] = await listContactMessages(db());
		const staff: AuditActor = { type: 'staff', id: 'someone', ip: null, requestId: null };
		expect(await markContactMessageHandled(db(), latest!.id, staff)).toBe(true);
		expect(await markContactMessageHandled(db(), latest!.id, staff)).toBe(false);
	});
});
