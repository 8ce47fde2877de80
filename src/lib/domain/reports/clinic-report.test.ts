import { describe, expect, it } from 'vitest';
import { clinicReport } from './clinic-report';
import { median } from './outcome-figures';
import { FIXTURE_EXPECTED as X, FIXTURE_PERIOD, fixtureInputs } from './report-fixture';
import { weeksOf, weekStartOf } from './report-period';
import { percent, REPORT_TABLE_IDS, reportTables } from './report-tables';

describe('the clinic report on a hand-counted fortnight', () => {
	const report = clinicReport(fixtureInputs(), FIXTURE_PERIOD);

	it('counts visits per week, new patients, cancellations and no-shows in clinic time', () => {
		expect(report.activity).toEqual({
			visitsPerWeek: X.visitsPerWeek,
			visits: X.visits,
			newPatients: X.newPatients,
			appointments: X.appointments,
			cancellations: X.cancellations,
			noShows: X.noShows
		});
	});

	it('divides booked by working minutes per practitioner and per bed, without closed days or time off', () => {
		const [a, b] = report.utilisation.practitioners;
		expect(a).toMatchObject({ ...X.practitionerA, ratio: 225 / 4320 });
		expect(b).toMatchObject({ ...X.practitionerB, ratio: 0 });
		expect(report.utilisation.beds.map(({ bookedMinutes, workingMinutes }) => ({ bookedMinutes, workingMinutes }))).toEqual([X.bed1, X.bed2]);
	});

	it('takes revenue from charges less voids, payments as received, and balances at the period end', () => {
		expect(report.money.chargedJpy).toBe(X.chargedJpy);
		expect(report.money.byService.map((r) => [r.key, r.amountJpy, r.charges])).toEqual([
			['S1', 5500, 1],
			['insurance_fee', 3560, 1],
			['S2', 1100, 1]
		]);
		expect(report.money.byPractitioner.map((r) => [r.key, r.amountJpy, r.charges])).toEqual([['A', 10160, 2]]);
		expect(report.money.receivedJpy).toBe(X.receivedJpy);
		expect(report.money.outstanding).toEqual([
			{ chargeId: 'c4', serviceDate: '2027-05-20', balanceJpy: 3500 },
			{ chargeId: 'c2', serviceDate: '2027-06-02', balanceJpy: 68 }
		]);
		expect(report.money.outstandingJpy).toBe(X.outstandingJpy);
	});

	it('reports the responder share with its n, overall and per practitioner', () => {
		expect(report.outcomes.map((g) => [g.key, g.patients, g.n, g.responders, g.share, g.medianSessionsToResponse])).toEqual([
			['all', 2, 2, 1, 0.5, 2],
			['A', 2, 2, 1, 0.5, 2],
			['B', 0, 0, 0, null, null]
		]);
	});

	it('leaves out what happened after the period', () => {
		const early = clinicReport(fixtureInputs(), { ...FIXTURE_PERIOD, to: '2027-06-01' });
		expect(early.activity.visits).toBe(3);
		expect(early.outcomes[0]).toMatchObject({ patients: 2, n: 0, responders: 0, share: null });
		expect(early.money.outstanding.map((c) => c.chargeId)).toEqual(['c4']);
	});
});

describe('report periods', () => {
	it('starts weeks on Monday, across a year end', () => {
		expect(weekStartOf('2027-01-03')).toBe('2026-12-28');
		expect(weekStartOf('2026-12-28')).toBe('2026-12-28');
		expect(weeksOf({ from: '2026-12-31', to: '2027-01-04', timeZone: 'Asia/Tokyo' })).toEqual(['2026-12-28', '2027-01-04']);
	});

	it('takes the middle of an odd list and the mean of the middle two of an even one', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});

describe('report tables', () => {
	const tables = reportTables(clinicReport(fixtureInputs(), FIXTURE_PERIOD), 'en', [
		{ patientNumber: 'P000001', name: '山田 花子', expiresOn: '2027-06-30', daysLeft: 16, renewed: false }
	]);
	const byId = (id: string) => tables.find((t) => t.id === id)!;

	it('gives every table as many values per row as it has columns', () => {
		expect(tables.map((t) => t.id)).toEqual([...REPORT_TABLE_IDS]);
		for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
	});

	it('writes ratios as percentages with one decimal and keeps "no data" apart from zero', () => {
		expect(byId('utilisation_practitioners').rows).toEqual([
			['Suzuki', 225, 4320, 5.2],
			['Sato', 0, 780, 0]
		]);
		expect(byId('outcomes').rows.at(-1)).toEqual(['Sato', 0, 0, 0, null, null]);
		expect(percent(null)).toBeNull();
	});
});
