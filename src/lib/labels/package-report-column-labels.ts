import type { MessageKey } from '$lib/i18n/translate';
import type { PACKAGE_REPORT_COLUMNS } from '$lib/domain/packages/report';

/** The columns of the course report (page and CSV). */

export const PACKAGE_REPORT_COLUMN_LABELS: Record<(typeof PACKAGE_REPORT_COLUMNS)[number], MessageKey> = {
	patientNumber: 'packageReports.column.patientNumber',
	patientName: 'packageReports.column.patientName',
	course: 'packageReports.column.course',
	soldOn: 'packageReports.column.soldOn',
	validThrough: 'packageReports.column.validThrough',
	visitCount: 'packageReports.column.visitCount',
	priceJpy: 'packageReports.column.priceJpy',
	paidJpy: 'packageReports.column.paidJpy',
	usedVisits: 'packageReports.column.usedVisits',
	expiredVisits: 'packageReports.column.expiredVisits',
	refundedVisits: 'packageReports.column.refundedVisits',
	refundedJpy: 'packageReports.column.refundedJpy',
	feeJpy: 'packageReports.column.feeJpy',
	remainingVisits: 'packageReports.column.remainingVisits',
	liabilityJpy: 'packageReports.column.liabilityJpy',
	status: 'packageReports.column.status'
};
