import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { insertPatient } from '../portal/test-patients';
import { listPatientOutbox } from './patient-outbox';

const reception: AuditActor = { type: 'staff', id: 'reception-test', ip: '192.0.2.10', requestId: 'outbox-test' };
const TOKEN = 'abcdefghijklmnopqrstuvwxyz234567';

async function mail(db: Db, values: { to: string; kind: string; body: string; createdAt: string; sentAt?: string | null; error?: string | null }) {
	await db.kysely
		.insertInto('mail_outbox')
		.values({
			id: randomUUID(),
			recipient: values.to,
			subject: values.kind,
			body: values.body,
			kind: values.kind,
			created_at: values.createdAt,
			sent_at: values.sentAt ?? null,
			last_error: values.error ?? null
		})
		.execute();
}

describeEachDatabase('the outbox for reception', (db) => {
	it('lists mail to patients only, newest first, naming them, with no working link, and audits the read', async () => {
		const hanako = await insertPatient(db(), { email: 'hanako@example.jp', givenName: '花子' });
		const taro = await insertPatient(db(), { email: 'hanako@example.jp', givenName: '太郎' });
		await mail(db(), {
			to: 'hanako@example.jp',
			kind: 'booking.confirmation',
			body: `変更はこちら: https://clinic.example.jp/booking/${TOKEN}`,
			createdAt: '2026-11-20T01:00:00.000Z',
			sentAt: '2026-11-20T01:00:01.000Z'
		});
		await mail(db(), {
			to: 'hanako@example.jp',
			kind: 'mail.booking_reminder',
			body: 'あすのご予約',
			createdAt: '2026-11-21T01:00:00.000Z',
			error: 'connection refused'
		});
		await mail(db(), {
			to: 'new-staff@example.jp',
			kind: 'staff.invitation',
			body: `https://clinic.example.jp/staff/invite/${TOKEN}`,
			createdAt: '2026-11-22T01:00:00.000Z'
		});
		await mail(db(), { to: 'clinic@example.jp', kind: 'intake.red_flag', body: 'alert', createdAt: '2026-11-23T01:00:00.000Z' });

		const mails = await listPatientOutbox(db(), reception);
		expect(mails.map((m) => m.subject)).toEqual(['mail.booking_reminder', 'booking.confirmation']);
		expect(mails[0]).toMatchObject({ sentAt: null, error: 'connection refused' });
		expect(mails[1]!.body).toBe('変更はこちら: https://clinic.example.jp/booking/[redacted]');
		expect(mails[1]!.patients.map((p) => p.id).sort()).toEqual([hanako, taro].sort());
		expect(JSON.stringify(mails)).not.toContain(TOKEN);
		const audit = await db().kysely.selectFrom('audit_log').select(['actor_id', 'detail']).where('action', '=', 'outbox.patient_mail_read').execute();
		expect(audit).toEqual([{ actor_id: 'reception-test', detail: JSON.stringify({ mails: 2 }) }]);
	});
});
