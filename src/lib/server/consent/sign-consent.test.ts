import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { consentOverview } from './consent-overview';
import { ensureDefaultConsentDocuments } from './default-documents';
import { getSignature } from './get-signature';
import { listCurrentDocuments } from './list-current-documents';
import { signConsent } from './sign-consent';
import { insertPatient, insertStaff, patientActor } from './test-fixtures';

describeEachDatabase('signing consent documents', (db) => {
	let hanako = '';
	let suzuki = '';
	let desk = '';
	const ids: Record<string, string> = {};
	const device = { ip: '198.51.100.7', userAgent: 'Mozilla/5.0 (iPhone)' };

	async function auditRows() {
		return db().kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();
	}

	it('starts with every kind missing', async () => {
		await ensureDefaultConsentDocuments(db());
		for (const d of await listCurrentDocuments(db())) ids[d.kind] = d.id;
		hanako = await insertPatient(db());
		suzuki = await insertPatient(db(), { family: '鈴木', given: '一郎', familyKana: 'スズキ', givenKana: 'イチロウ' });
		desk = await insertStaff(db());
		const overview = await consentOverview(db(), hanako, patientActor(hanako));
		expect(overview!.kinds.map((k) => [k.kind, k.status, k.required, k.needsAnswer])).toEqual([
			['treatment', 'missing', true, true],
			['privacy', 'missing', true, true],
			['reminders', 'missing', false, true],
			['research', 'missing', false, true]
		]);
		expect(overview!.signatures).toEqual([]);
		const audit = (await auditRows()).at(-1)!;
		expect(audit).toMatchObject({ action: 'consent.overview', patient_id: hanako, actor_type: 'patient' });
	});

	it('records an agreement typed with the name in kana, and audits it without the name', async () => {
		const at = new Date('2026-03-01T01:00:00.000Z');
		const result = await signConsent(
			db(),
			{ patientId: hanako, documentId: ids.treatment!, agreed: true, confirmed: true, typedName: 'やまだ　はなこ', ...device },
			patientActor(hanako),
			at
		);
		expect(result.ok).toBe(true);
		const row = await db().kysely.selectFrom('consent_signature').selectAll().where('patient_id', '=', hanako).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			document_id: ids.treatment,
			agreed: 1,
			signed_name: 'やまだ はなこ',
			signed_at: at.toISOString(),
			ip: device.ip,
			user_agent: device.userAgent,
			recorded_by_staff_id: null
		});
		const audit = (await auditRows()).at(-1)!;
		expect(audit).toMatchObject({ action: 'consent.sign', entity_id: row.id, patient_id: hanako });
		expect(JSON.parse(audit.detail!)).toEqual({ documentId: ids.treatment, kind: 'treatment', version: 1, agreed: true, atDesk: false });
		expect(audit.detail).not.toContain('はなこ');
		const treatment = (await consentOverview(db(), hanako, patientActor(hanako)))!.kinds[0]!;
		expect(treatment).toMatchObject({ status: 'current', needsAnswer: false, latest: { id: row.id, version: 1 } });
	});

	it('records a signature made at the desk with the staff member and the tablet', async () => {
		const result = await signConsent(
			db(),
			{
				patientId: hanako,
				documentId: ids.privacy!,
				agreed: true,
				confirmed: true,
				typedName: '花子 山田',
				ip: '192.0.2.50',
				userAgent: 'Tablet',
				staffId: desk
			},
			{ type: 'staff', id: desk, ip: '192.0.2.50', requestId: null }
		);
		expect(result.ok).toBe(true);
		const overview = (await consentOverview(db(), hanako, patientActor(hanako)))!;
		expect(overview.signatures[0]).toMatchObject({
			kind: 'privacy',
			recordedByStaffId: desk,
			recordedByName: '受付 田中',
			ip: '192.0.2.50',
			userAgent: 'Tablet'
		});
		const signed = (await auditRows()).filter((r) => r.action === 'consent.sign').at(-1)!;
		expect(signed).toMatchObject({ actor_type: 'staff', actor_id: desk });
		expect(JSON.parse(signed.detail!).atDesk).toBe(true);
	});

	it('refuses an empty or another person’s name, and a missing tick, saving nothing', async () => {
		const before = (await db().kysely.selectFrom('consent_signature').selectAll().execute()).length;
		const auditBefore = (await auditRows()).length;
		const sign = (typedName: string, confirmed = true) =>
			signConsent(db(), { patientId: suzuki, documentId: ids.treatment!, agreed: true, confirmed, typedName, ...device }, patientActor(suzuki));
		expect(await sign('')).toEqual({ ok: false, code: 'invalid', fields: { typedName: 'consent.error.nameRequired' } });
		expect(await sign('山田 花子')).toEqual({ ok: false, code: 'invalid', fields: { typedName: 'consent.error.nameMismatch' } });
		expect(await sign('鈴木一郎', false)).toEqual({ ok: false, code: 'invalid', fields: { agree: 'consent.error.mustAgree' } });
		expect(await sign('x'.repeat(5000))).toEqual({ ok: false, code: 'invalid', fields: { typedName: 'consent.error.nameMismatch' } });
		expect((await db().kysely.selectFrom('consent_signature').selectAll().execute()).length).toBe(before);
		expect((await auditRows()).length).toBe(auditBefore);
	});

	it('refuses to record a decline of a required kind', async () => {
		const result = await signConsent(db(), { patientId: suzuki, documentId: ids.privacy!, agreed: false, typedName: '', ...device }, patientActor(suzuki));
		expect(result).toEqual({ ok: false, code: 'invalid', fields: { agree: 'consent.error.mustAgree', typedName: 'consent.error.nameRequired' } });
	});

	it('refuses an unknown document id and an unknown patient', async () => {
		const unknown = await signConsent(
			db(),
			{ patientId: suzuki, documentId: 'no-such-document', agreed: true, typedName: '鈴木一郎', ...device },
			patientActor(suzuki)
		);
		expect(unknown).toEqual({ ok: false, code: 'invalid', fields: { documentId: 'consent.error.notCurrent' } });
		const huge = await signConsent(
			db(),
			{ patientId: suzuki, documentId: 'x'.repeat(10_000), agreed: true, typedName: '鈴木一郎', ...device },
			patientActor(suzuki)
		);
		expect(huge).toMatchObject({ ok: false, code: 'invalid' });
		const nobody = await signConsent(
			db(),
			{ patientId: '00000000-0000-4000-8000-000000000000', documentId: ids.treatment!, agreed: true, typedName: 'x', ...device },
			patientActor('x')
		);
		expect(nobody).toEqual({ ok: false, code: 'not_found' });
	});

	it('lets an optional consent be declined without a name, then agreed to, then withdrawn, each as a new row', async () => {
		const answer = (agreed: boolean, at: string, typedName = '') =>
			signConsent(db(), { patientId: suzuki, documentId: ids.reminders!, agreed, confirmed: agreed, typedName, ...device }, patientActor(suzuki), new Date(at));
		expect((await answer(false, '2026-03-01T00:00:00.000Z')).ok).toBe(true);
		const status = async () => (await consentOverview(db(), suzuki, patientActor(suzuki)))!.kinds.find((k) => k.kind === 'reminders')!;
		expect(await status()).toMatchObject({ status: 'declined', needsAnswer: false });
		expect((await answer(true, '2026-03-02T00:00:00.000Z', 'スズキ イチロウ')).ok).toBe(true);
		expect((await status()).status).toBe('current');
		expect((await answer(false, '2026-03-03T00:00:00.000Z')).ok).toBe(true);
		expect((await status()).status).toBe('declined');
		const rows = await db().kysely.selectFrom('consent_signature').select('agreed').where('patient_id', '=', suzuki).orderBy('signed_at').execute();
		expect(rows.map((r) => Number(r.agreed))).toEqual([0, 1, 0]);
	});

	it('shows a signature with the text as signed, only to its own patient', async () => {
		const [signature] = (await consentOverview(db(), hanako, patientActor(hanako)))!.signatures.filter((s) => s.kind === 'treatment');
		const signed = await getSignature(db(), hanako, signature!.id, patientActor(hanako));
		expect(signed).toMatchObject({ signature: { id: signature!.id, signedName: 'やまだ はなこ', version: 1 }, document: { id: ids.treatment, version: 1 } });
		expect(signed!.document.bodyJa.length).toBeGreaterThan(100);
		expect((await auditRows()).at(-1)).toMatchObject({ action: 'consent.view', entity_id: signature!.id, patient_id: hanako });
		expect(await getSignature(db(), suzuki, signature!.id, patientActor(suzuki))).toBeNull();
		expect(await getSignature(db(), hanako, 'not-a-signature', patientActor(hanako))).toBeNull();
		expect(await getSignature(db(), hanako, 'x'.repeat(1000), patientActor(hanako))).toBeNull();
	});

	it('keeps signatures frozen: the database refuses to change or delete one', async () => {
		const [signature] = (await consentOverview(db(), hanako, patientActor(hanako)))!.signatures;
		await expect(db().kysely.updateTable('consent_signature').set({ agreed: 0 }).where('id', '=', signature!.id).execute()).rejects.toThrow();
		await expect(db().kysely.deleteFrom('consent_signature').where('id', '=', signature!.id).execute()).rejects.toThrow();
	});
});
