import type { CsvValue } from '../billing/claims-csv';
import type { ClinicReport } from './clinic-report';
import type { Utilisation } from './utilisation';

/*
 * The report's tables, as the page shows them and the CSV export writes them: one source, so the
 * file always matches the screen. Column names are catalogue keys (`reports.column.*`).
 */

export const REPORT_TABLE_IDS = [
	'activity',
	'visits',
	'utilisation_practitioners',
	'utilisation_beds',
	'revenue_services',
	'revenue_practitioners',
	'money',
	'outstanding',
	'outcomes',
	'consents'
] as const;
export type ReportTableId = (typeof REPORT_TABLE_IDS)[number];

/** Every column a table may have; each is named by `reports.column.*` (report-labels.ts). */
export const REPORT_COLUMNS = [
	'visits',
	'newPatients',
	'appointments',
	'cancellations',
	'noShows',
	'week',
	'practitioner',
	'bed',
	'bookedMinutes',
	'workingMinutes',
	'utilisation',
	'service',
	'charges',
	'amountJpy',
	'chargedJpy',
	'receivedJpy',
	'outstandingJpy',
	'outstandingCharges',
	'serviceDate',
	'chargeId',
	'balanceJpy',
	'group',
	'patients',
	'n',
	'responders',
	'share',
	'medianSessions',
	'patientNumber',
	'patient',
	'expiresOn',
	'daysLeft',
	'renewed'
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export interface ReportTable {
	id: ReportTableId;
	columns: ReportColumn[];
	rows: CsvValue[][];
}

export interface ExpiringConsentRow {
	patientNumber: string | null;
	name: string;
	expiresOn: string;
	daysLeft: number;
	renewed: boolean;
}

/** A ratio as a percentage with one decimal; null stays null ("no data", never 0 %). */
export function percent(ratio: number | null): number | null {
	return ratio === null ? null : Math.round(ratio * 1000) / 10;
}

const name = (locale: 'ja' | 'en', row: { nameJa: string; nameEn: string }) => (locale === 'ja' ? row.nameJa : row.nameEn);

const utilisationRows = (rows: readonly Utilisation[], locale: 'ja' | 'en') =>
	rows.map((u) => [name(locale, u), u.bookedMinutes, u.workingMinutes, percent(u.ratio)]);

export function reportTables(report: ClinicReport, locale: 'ja' | 'en', consents: readonly ExpiringConsentRow[]): ReportTable[] {
	const { activity, utilisation, money, outcomes } = report;
	return [
		{
			id: 'activity',
			columns: ['visits', 'newPatients', 'appointments', 'cancellations', 'noShows'],
			rows: [[activity.visits, activity.newPatients, activity.appointments, activity.cancellations, activity.noShows]]
		},
		{ id: 'visits', columns: ['week', 'visits'], rows: activity.visitsPerWeek.map((w) => [w.week, w.visits]) },
		{
			id: 'utilisation_practitioners',
			columns: ['practitioner', 'bookedMinutes', 'workingMinutes', 'utilisation'],
			rows: utilisationRows(utilisation.practitioners, locale)
		},
		{ id: 'utilisation_beds', columns: ['bed', 'bookedMinutes', 'workingMinutes', 'utilisation'], rows: utilisationRows(utilisation.beds, locale) },
		{ id: 'revenue_services', columns: ['service', 'charges', 'amountJpy'], rows: money.byService.map((r) => [name(locale, r), r.charges, r.amountJpy]) },
		{
			id: 'revenue_practitioners',
			columns: ['practitioner', 'charges', 'amountJpy'],
			rows: money.byPractitioner.map((r) => [name(locale, r), r.charges, r.amountJpy])
		},
		{
			id: 'money',
			columns: ['chargedJpy', 'receivedJpy', 'outstandingJpy', 'outstandingCharges'],
			rows: [[money.chargedJpy, money.receivedJpy, money.outstandingJpy, money.outstanding.length]]
		},
		{ id: 'outstanding', columns: ['serviceDate', 'chargeId', 'balanceJpy'], rows: money.outstanding.map((c) => [c.serviceDate, c.chargeId, c.balanceJpy]) },
		{
			id: 'outcomes',
			columns: ['group', 'patients', 'n', 'responders', 'share', 'medianSessions'],
			rows: outcomes.map((g) => [name(locale, g), g.patients, g.n, g.responders, percent(g.share), g.medianSessionsToResponse])
		},
		{
			id: 'consents',
			columns: ['patientNumber', 'patient', 'expiresOn', 'daysLeft', 'renewed'],
			rows: consents.map((c) => [c.patientNumber, c.name, c.expiresOn, c.daysLeft, c.renewed ? 1 : 0])
		}
	];
}
