import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { FIXTURE_EXPECTED as X, FIXTURE_PERIOD } from '../../domain/reports/report-fixture';
import { insertStaff } from '../outcomes/test-fixtures';
import { buildClinicReport } from './clinic-report';
import { seedReportFixture } from './test-fixtures';

describeEachDatabase('the clinic report from the database', (db) => {
	it('matches the hand count of the known fortnight', async () => {
		await seedReportFixture(db());
		const owner = await insertStaff(db(), 'owner');
		const report = await buildClinicReport(db(), { ...FIXTURE_PERIOD, practitionerId: null }, { type: 'staff', id: owner.id, ip: null, requestId: null });
		expect(report.activity).toEqual({
			visitsPerWeek: X.visitsPerWeek,
			visits: X.visits,
			newPatients: X.newPatients,
			appointments: X.appointments,
			cancellations: X.cancellations,
			noShows: X.noShows
		});
		const byId = new Map(
			[...report.utilisation.practitioners, ...report.utilisation.beds].map((u) => [u.id, { bookedMinutes: u.bookedMinutes, workingMinutes: u.workingMinutes }])
		);
		expect(byId.get('A')).toEqual(X.practitionerA);
		expect(byId.get('B')).toEqual(X.practitionerB);
		expect(byId.get('bed1')).toEqual(X.bed1);
		expect(byId.get('bed2')).toEqual(X.bed2);
		expect(report.money).toMatchObject({ chargedJpy: X.chargedJpy, receivedJpy: X.receivedJpy, outstandingJpy: X.outstandingJpy });
		expect(report.money.outstanding.map((c) => c.chargeId)).toEqual(['c4', 'c2']);
		expect(report.money.byService.map((r) => [r.key, r.amountJpy])).toEqual([
			['S1', 5500],
			['insurance_fee', 3560],
			['S2', 1100]
		]);
		// Practitioners come in name order: Sato (B) before Suzuki (A).
		expect(
			report.outcomes.filter((g) => ['all', 'A', 'B'].includes(g.key)).map((g) => [g.key, g.patients, g.n, g.responders, g.medianSessionsToResponse])
		).toEqual([
			['all', 2, 2, 1, 2],
			['B', 0, 0, 0, null],
			['A', 2, 2, 1, 2]
		]);
		const audit = await db().kysely.selectFrom('audit_log').select('action').where('actor_id', '=', owner.id).execute();
		expect(audit).toEqual([{ action: 'report.read' }]);
	});

	it('shows a practitioner only their own figures', async () => {
		const owner = await insertStaff(db(), 'owner');
		const report = await buildClinicReport(db(), { ...FIXTURE_PERIOD, practitionerId: 'B' }, { type: 'staff', id: owner.id, ip: null, requestId: null });
		expect(report.activity).toMatchObject({ visits: 0, newPatients: 0, appointments: 2, cancellations: 1, noShows: 1 });
		expect(report.utilisation.practitioners.map((p) => p.id)).toEqual(['B']);
		// B's only charge is from May and still owed 3,500 yen.
		expect(report.money).toMatchObject({ chargedJpy: 0, receivedJpy: 2000, outstandingJpy: 3500 });
		expect(report.outcomes.map((g) => g.key)).toEqual(['B']);
		const a = await buildClinicReport(db(), { ...FIXTURE_PERIOD, practitionerId: 'A' }, { type: 'staff', id: owner.id, ip: null, requestId: null });
		expect(a.activity).toMatchObject({ visits: 5, newPatients: 2, cancellations: 0 });
		expect(a.money).toMatchObject({ chargedJpy: 10160, receivedJpy: 7600, outstandingJpy: 68 });
	});
});
