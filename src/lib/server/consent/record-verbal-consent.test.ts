import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { consentOverview } from './consent-overview';
import { ensureDefaultConsentDocuments } from './default-documents';
import { recordVerbalTreatmentConsent } from './record-verbal-consent';
import { insertPatient, insertStaff, patientActor } from './test-fixtures';

const NOW = new Date('2026-03-02T01:00:00.000Z');

const signaturesOf = (db: Db, patientId: string) => db.kysely.selectFrom('consent_signature').selectAll().where('patient_id', '=', patientId).execute();

describeEachDatabase('a treatment consent given aloud at the desk (docs/clinical-rules.md §6)', (db) => {
	it('is recorded against the current treatment text with who took it, counts as current, and is audited', async () => {
		await ensureDefaultConsentDocuments(db());
		const staffId = await insertStaff(db());
		const actor: AuditActor = { type: 'staff', id: staffId, ip: null, requestId: null };
		const patientId = await insertPatient(db());
		const result = await recordVerbalTreatmentConsent(db(), patientId, { confirm: 'on' }, actor, NOW);
		expect(result).toMatchObject({ ok: true, version: 1 });
		expect(await signaturesOf(db(), patientId)).toEqual([
			expect.objectContaining({ agreed: 1, signed_at: NOW.toISOString(), recorded_by_staff_id: staffId, channel: 'verbal', signed_name: '' })
		]);
		const overview = await consentOverview(db(), patientId, actor);
		expect(overview!.kinds.find((k) => k.kind === 'treatment')).toMatchObject({
			status: 'current',
			latest: { channel: 'verbal', recordedByName: '受付 田中' }
		});
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'actor_id', 'detail'])
			.where('entity_id', '=', result.ok ? result.signatureId : '')
			.execute();
		expect(audit).toEqual([{ action: 'consent.verbal', actor_id: staffId, detail: expect.stringContaining('"channel":"verbal"') }]);
	});

	it('needs the box confirming the explanation, and records nothing without it', async () => {
		const actor: AuditActor = { type: 'staff', id: await insertStaff(db()), ip: null, requestId: null };
		const patientId = await insertPatient(db());
		expect(await recordVerbalTreatmentConsent(db(), patientId, {}, actor, NOW)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { confirm: 'consent.error.confirmVerbal' }
		});
		expect(await signaturesOf(db(), patientId)).toEqual([]);
	});

	it('takes only the treatment consent aloud, only from staff, and only for a known patient', async () => {
		const actor: AuditActor = { type: 'staff', id: await insertStaff(db()), ip: null, requestId: null };
		const patientId = await insertPatient(db());
		expect(await recordVerbalTreatmentConsent(db(), patientId, { confirm: 'on', kind: 'privacy' }, actor, NOW)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { kind: 'consent.error.kind' }
		});
		expect(await recordVerbalTreatmentConsent(db(), patientId, { confirm: 'on' }, patientActor(patientId), NOW)).toEqual({ ok: false, code: 'forbidden' });
		expect(await recordVerbalTreatmentConsent(db(), randomUUID(), { confirm: 'on' }, actor, NOW)).toEqual({ ok: false, code: 'not_found' });
		expect(await signaturesOf(db(), patientId)).toEqual([]);
	});
});
