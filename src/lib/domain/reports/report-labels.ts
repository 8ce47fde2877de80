import type { MessageKey } from '$lib/i18n/translate';
import type { ReportColumn, ReportTableId } from './report-tables';

/* Typed label maps for the report's tables and columns (issue #21): the page and the CSV name them alike. */

export const REPORT_TABLE_LABELS: Record<ReportTableId, MessageKey> = {
	activity: 'reports.table.activity',
	visits: 'reports.table.visits',
	utilisation_practitioners: 'reports.table.utilisation_practitioners',
	utilisation_beds: 'reports.table.utilisation_beds',
	revenue_services: 'reports.table.revenue_services',
	revenue_practitioners: 'reports.table.revenue_practitioners',
	money: 'reports.table.money',
	outstanding: 'reports.table.outstanding',
	outcomes: 'reports.table.outcomes',
	consents: 'reports.table.consents'
};

export const REPORT_COLUMN_LABELS: Record<ReportColumn, MessageKey> = {
	visits: 'reports.column.visits',
	newPatients: 'reports.column.newPatients',
	appointments: 'reports.column.appointments',
	cancellations: 'reports.column.cancellations',
	noShows: 'reports.column.noShows',
	week: 'reports.column.week',
	practitioner: 'reports.column.practitioner',
	bed: 'reports.column.bed',
	bookedMinutes: 'reports.column.bookedMinutes',
	workingMinutes: 'reports.column.workingMinutes',
	utilisation: 'reports.column.utilisation',
	service: 'reports.column.service',
	charges: 'reports.column.charges',
	amountJpy: 'reports.column.amountJpy',
	chargedJpy: 'reports.column.chargedJpy',
	receivedJpy: 'reports.column.receivedJpy',
	outstandingJpy: 'reports.column.outstandingJpy',
	outstandingCharges: 'reports.column.outstandingCharges',
	serviceDate: 'reports.column.serviceDate',
	chargeId: 'reports.column.chargeId',
	balanceJpy: 'reports.column.balanceJpy',
	group: 'reports.column.group',
	patients: 'reports.column.patients',
	n: 'reports.column.n',
	responders: 'reports.column.responders',
	share: 'reports.column.share',
	medianSessions: 'reports.column.medianSessions',
	patientNumber: 'reports.column.patientNumber',
	patient: 'reports.column.patient',
	expiresOn: 'reports.column.expiresOn',
	daysLeft: 'reports.column.daysLeft',
	renewed: 'reports.column.renewed'
};
