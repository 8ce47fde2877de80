import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { ensureDefaultConsentDocuments } from './default-documents';
import { listCurrentDocuments } from './list-current-documents';

describeEachDatabase('the default consent documents', (db) => {
	it('publishes version 1 of every kind, required only for treatment and privacy', async () => {
		await ensureDefaultConsentDocuments(db());
		const documents = await listCurrentDocuments(db());
		expect(documents.map((d) => [d.kind, d.version, d.required])).toEqual([
			['treatment', 1, true],
			['privacy', 1, true],
			['reminders', 1, false],
			['research', 1, false]
		]);
		for (const d of documents) {
			expect(d.titleJa && d.titleEn && d.bodyJa && d.bodyEn, d.kind).toBeTruthy();
			expect(d.createdBy).toBeNull();
		}
	});

	it('tells of single-use needles, minor effects in one patient in ten, and the five-year records', async () => {
		const [treatment, privacy] = await listCurrentDocuments(db());
		expect(treatment!.bodyEn).toMatch(/single-use/);
		expect(treatment!.bodyEn).toMatch(/one patient in ten/);
		expect(treatment!.bodyJa).toMatch(/10人に1人/);
		expect(privacy!.bodyJa).toMatch(/要配慮個人情報/);
		expect(privacy!.bodyJa).toMatch(/5年間/);
		expect(privacy!.bodyEn).toMatch(/five years/);
	});

	it('adds nothing when run again, even by several instances at once', async () => {
		await Promise.all([ensureDefaultConsentDocuments(db()), ensureDefaultConsentDocuments(db()), ensureDefaultConsentDocuments(db())]);
		const rows = await db().kysely.selectFrom('consent_document').select(['kind', 'version']).execute();
		expect(rows).toHaveLength(4);
	});

	it('leaves a kind alone once the clinic has published its own version', async () => {
		await db().kysely.deleteFrom('consent_document').where('kind', '=', 'research').execute();
		await db()
			.kysely.insertInto('consent_document')
			.values({
				id: 'own-research',
				kind: 'research',
				version: 1,
				required: 0,
				title_ja: '研究',
				title_en: 'Research',
				body_ja: '独自',
				body_en: 'Own',
				created_at: '2026-01-01T00:00:00.000Z',
				created_by: null
			})
			.execute();
		await ensureDefaultConsentDocuments(db());
		const research = (await listCurrentDocuments(db())).find((d) => d.kind === 'research');
		expect(research).toMatchObject({ id: 'own-research', bodyEn: 'Own' });
	});
});
