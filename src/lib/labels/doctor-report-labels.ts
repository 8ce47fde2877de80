import type { InsuranceArts } from '$lib/domain/billing/billing-config';
import type { MeasureKey } from '$lib/domain/outcomes/check-in';
import type { MessageKey } from '$lib/i18n/translate';
import type { ReportFeeRefusal } from '$lib/domain/jukyo-claim/doctor-report';
import type { ReportFeeLandingRefusal } from '$lib/domain/jukyo-claim/report-fee-landing';

/** The doctor's report: why no fee, the arts and measures it states. */

export const REPORT_FEE_REFUSAL_LABELS: Record<ReportFeeRefusal, MessageKey> = {
	already_paid_in_period: 'jukyoReport.fee.already_paid_in_period',
	paid_within_lookback: 'jukyoReport.fee.paid_within_lookback',
	outside_period: 'jukyoReport.fee.outside_period'
};

export const REPORT_ARTS_LABELS: Record<InsuranceArts, MessageKey> = {
	single: 'jukyoReport.pdf.arts.single',
	combined: 'jukyoReport.pdf.arts.combined'
};

export const REPORT_MEASURE_LABELS: Record<MeasureKey, MessageKey> = {
	legPain: 'jukyoReport.pdf.measure.legPain',
	backPain: 'jukyoReport.pdf.measure.backPain',
	psfs: 'jukyoReport.pdf.measure.psfs',
	sbi: 'jukyoReport.pdf.measure.sbi',
	pgic: 'jukyoReport.pdf.measure.pgic'
};

/** Why a due 交付料 would reach no claim: the report page's warning, the refusal, the short reason in lists. */
export const REPORT_FEE_CANNOT_LAND_LABELS: Record<ReportFeeLandingRefusal, MessageKey> = {
	no_visit_yet: 'doctorReportFee.cannotLand.no_visit_yet',
	claim_closed: 'doctorReportFee.cannotLand.claim_closed'
};

export const REPORT_FEE_REFUSED_LABELS: Record<ReportFeeLandingRefusal, MessageKey> = {
	no_visit_yet: 'doctorReportFee.refused.no_visit_yet',
	claim_closed: 'doctorReportFee.refused.claim_closed'
};

export const REPORT_WITHOUT_FEE_REASON_LABELS: Record<ReportFeeLandingRefusal, MessageKey> = {
	no_visit_yet: 'doctorReportFee.reason.no_visit_yet',
	claim_closed: 'doctorReportFee.reason.claim_closed'
};
