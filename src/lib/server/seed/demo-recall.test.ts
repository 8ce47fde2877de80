import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { ensureDefaultConsentDocuments } from '../consent/default-documents';
import { loadRecallList } from '../recall/recall-list';
import { seedDemoClinic } from './demo-clinic';
import { seedDemoRecall } from './demo-recall';

const NOW = new Date('2026-12-02T01:00:00Z');

describeEachDatabase('the demo recall list', (db) => {
	it('shows one patient to invite and one who withdrew consent to reminders', async () => {
		await ensureDefaultConsentDocuments(db(), NOW);
		await seedDemoClinic(db());
		await seedDemoRecall(db(), NOW.getTime());
		const view = await loadRecallList(db(), NOW);
		expect(view.entries.map((e) => [e.familyName, e.inviteBlocked])).toEqual([
			['加藤', 'reminders_withdrawn'],
			['松本', null]
		]);
	});
});
