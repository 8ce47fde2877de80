import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { SYSTEM_ACTOR } from '../audit/audit-log';
import { claimBoard } from '../jukyo-claim/claim-workflow';
import { seedDemoAppointments } from './demo-appointments';
import { seedDemoClaimStatus } from './demo-claim-status';
import { seedDemoClinic } from './demo-clinic';
import { seedDemoJukyo } from './demo-jukyo';

const NOW = new Date('2026-11-18T03:00:00Z');

describeEachDatabase('the demo claim workflow', (db) => {
	it('leaves last month’s 申請書 of the insured patient complete but for the signature, due at its 提出先', async () => {
		await seedDemoClinic(db());
		await seedDemoAppointments(db(), NOW.getTime());
		await seedDemoJukyo(db(), NOW);
		await seedDemoClaimStatus(db(), NOW);
		const groups = await claimBoard(db(), '2026-10', SYSTEM_ACTOR);
		const rows = groups.flatMap((g) => g.rows.map((r) => ({ ...r, group: g.destination })));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			status: 'draft',
			current: { days: 2, blockers: [{ code: 'unsigned_month' }] },
			group: { key: 'kind:kyokai', name: '全国健康保険協会 東京支部', deadline: '2026-11-10' }
		});
	});
});
