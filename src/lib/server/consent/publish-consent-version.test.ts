import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { consentOverview } from './consent-overview';
import { ensureDefaultConsentDocuments } from './default-documents';
import { listCurrentDocuments } from './list-current-documents';
import { listDocumentVersions } from './list-document-versions';
import { patientsWithoutCurrentTreatmentConsent } from './patients-without-current-treatment-consent';
import { publishConsentVersion } from './publish-consent-version';
import { signConsent } from './sign-consent';
import { insertPatient, insertStaff, OWNER_ACTOR, patientActor } from './test-fixtures';

const newTreatment = {
	kind: 'treatment',
	titleJa: '施術の同意（第2版）',
	titleEn: 'Treatment consent (2nd)',
	bodyJa: '新しい本文',
	bodyEn: 'New text',
	required: true
};

describeEachDatabase('publishing a new version of a consent document', (db) => {
	let owner = '';
	let hanako = '';
	let suzuki = '';
	let nakamura = '';
	let firstTreatmentId = '';
	const device = { ip: null, userAgent: null };

	it('publishes treatment version 2; patients who signed version 1 become outdated, and their signature stays', async () => {
		await ensureDefaultConsentDocuments(db());
		owner = await insertStaff(db(), 'owner');
		hanako = await insertPatient(db());
		suzuki = await insertPatient(db(), { family: '鈴木', given: '一郎' });
		nakamura = await insertPatient(db(), { family: '中村', given: '由美' });
		firstTreatmentId = (await listCurrentDocuments(db()))[0]!.id;
		for (const [id, name] of [
			[hanako, '山田花子'],
			[suzuki, '鈴木一郎']
		] as const) {
			const signed = await signConsent(db(), { patientId: id, documentId: firstTreatmentId, agreed: true, typedName: name, ...device }, patientActor(id));
			expect(signed.ok).toBe(true);
		}
		expect([...(await patientsWithoutCurrentTreatmentConsent(db(), [hanako, suzuki, nakamura]))]).toEqual([nakamura]);

		const result = await publishConsentVersion(db(), newTreatment, owner, { ...OWNER_ACTOR, id: owner });
		expect(result).toMatchObject({ ok: true, version: 2 });
		const current = (await listCurrentDocuments(db()))[0]!;
		expect(current).toMatchObject({ kind: 'treatment', version: 2, required: true, createdBy: owner, bodyEn: 'New text' });
		const first = await db().kysely.selectFrom('consent_document').selectAll().where('id', '=', firstTreatmentId).executeTakeFirstOrThrow();
		expect(first.version).toBe(1);
		expect(first.body_en).toMatch(/single-use/);

		const overview = (await consentOverview(db(), hanako, patientActor(hanako)))!;
		expect(overview.kinds[0]).toMatchObject({ status: 'outdated', needsAnswer: true, document: { version: 2 }, latest: { version: 1 } });
		expect((await patientsWithoutCurrentTreatmentConsent(db(), [hanako, suzuki, nakamura])).size).toBe(3);
		const audit = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'consent.publish').execute();
		expect(audit).toHaveLength(1);
		expect(JSON.parse(audit[0]!.detail!)).toEqual({ kind: 'treatment', version: 2 });
	});

	it('refuses a signature of the old version once a new one exists', async () => {
		const result = await signConsent(
			db(),
			{ patientId: nakamura, documentId: firstTreatmentId, agreed: true, typedName: '中村由美', ...device },
			patientActor(nakamura)
		);
		expect(result).toEqual({ ok: false, code: 'invalid', fields: { documentId: 'consent.error.notCurrent' } });
		const current = (await listCurrentDocuments(db()))[0]!;
		expect(
			(await signConsent(db(), { patientId: hanako, documentId: current.id, agreed: true, typedName: '山田 花子', ...device }, patientActor(hanako))).ok
		).toBe(true);
		expect([...(await patientsWithoutCurrentTreatmentConsent(db(), [hanako, suzuki, nakamura, hanako]))].sort()).toEqual([suzuki, nakamura].sort());
	});

	it('counts the patients who answered each version, newest version first', async () => {
		const kinds = await listDocumentVersions(db());
		const treatment = kinds.find((k) => k.kind === 'treatment')!;
		expect(treatment.versions.map((v) => [v.version, v.agreedPatients, v.declinedPatients, v.createdByName])).toEqual([
			[2, 1, 0, '院長'],
			[1, 2, 0, null]
		]);
		expect(kinds.map((k) => [k.kind, k.required, k.versions.length])).toEqual([
			['treatment', true, 2],
			['privacy', true, 1],
			['reminders', false, 1],
			['research', false, 1]
		]);
	});

	it('refuses bad input with a code per field and publishes nothing', async () => {
		const count = async () => (await db().kysely.selectFrom('consent_document').select('id').execute()).length;
		const before = await count();
		expect(await publishConsentVersion(db(), { ...newTreatment, kind: 'marketing', titleJa: ' ', bodyEn: 'x'.repeat(20_001) }, owner, OWNER_ACTOR)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { kind: 'consent.error.kind', titleJa: 'validation.required', bodyEn: 'consent.error.tooLong' }
		});
		expect(await publishConsentVersion(db(), { ...newTreatment, required: false }, owner, OWNER_ACTOR)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { required: 'consent.error.requiredFixed' }
		});
		expect(await publishConsentVersion(db(), { ...newTreatment, kind: 'research', required: true }, owner, OWNER_ACTOR)).toMatchObject({ ok: false });
		expect(await publishConsentVersion(db(), newTreatment, owner, OWNER_ACTOR)).toEqual({
			ok: false,
			code: 'invalid',
			fields: { bodyJa: 'consent.error.unchanged' }
		});
		expect(await count()).toBe(before);
	});

	it('gives two publications at once two different versions', async () => {
		const results = await Promise.all(
			[3, 4].map((n) => publishConsentVersion(db(), { ...newTreatment, kind: 'research', required: false, bodyEn: `Research ${n}` }, owner, OWNER_ACTOR))
		);
		expect(results.map((r) => (r.ok ? r.version : 0)).sort()).toEqual([2, 3]);
	});

	it('flags nobody in an empty list and everybody when no treatment document exists', async () => {
		expect((await patientsWithoutCurrentTreatmentConsent(db(), [])).size).toBe(0);
		const many = Array.from({ length: 1200 }, (_, i) => `p-${i}`);
		expect((await patientsWithoutCurrentTreatmentConsent(db(), [...many, hanako])).size).toBe(1200);
	});
});
