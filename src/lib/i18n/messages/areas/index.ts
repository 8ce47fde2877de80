/*
 * Feature message areas. Each area file exports `{ ja, en }` with the same keys, prefixed by the
 * area name (e.g. `check.title`). Add an area here; the catalogue test checks both languages.
 */
import { booking } from './booking';
import { bookingFlow } from './booking-flow';
import { check } from './check';
import { clinic } from './clinic';
import { home } from './home';
import { patients } from './patients';
import { points } from './points';
import { schedule } from './schedule';
import { schedulingSettings } from './scheduling-settings';
import { publicSite } from './public-site';
import { portal } from './portal';
import { intake } from './intake';
import { consent } from './consent';
import { outcomes } from './outcomes';
import { patientMerge } from './patient-merge';
import { safety } from './safety';
import { documents } from './documents';
import { examination } from './examination';
import { treatmentPlan } from './treatment-plan';
import { treatmentSession } from './treatment-session';
import { billing } from './billing';
import { rateLimit } from './rate-limit';
import { insurance } from './insurance';
import { reports } from './reports';
import { staffSecurity } from './staff-security';
import { waitlist } from './waitlist';
import { reminders } from './reminders';
import { line } from './line';
import { desk } from './desk';
import { cancellationPolicy } from './cancellation-policy';
import { recall } from './recall';
import { series } from './series';
import { bookingControls } from './booking-controls';
import { bedside } from './bedside';
import { bookingPages } from './booking-pages';
import { console_ } from './console';
import { profiles } from './profiles';
import { jukyoClaim } from './jukyo-claim';
import { deskFollowup } from './desk-followup';
import { jukyoRegistration } from './jukyo-registration';
import { consoleFollowup } from './console-followup';
import { packages } from './packages';
import { portalPackages } from './portal-packages';
import { packageReports } from './package-reports';
import { packagePlans } from './package-plans';
import { jukyoMonth } from './jukyo-month';
import { jukyoReport } from './jukyo-report';
import { claimStatus } from './claim-status';
import { eligibilityInsured } from './eligibility-insured';
import { claimOutcome } from './claim-outcome';
import { claimFollowups } from './claim-followups';
import { doctorReportFee } from './doctor-report-fee';

export const AREA_MESSAGES_JA = {
	...publicSite.ja,
	...check.ja,
	...home.ja,
	...clinic.ja,
	...points.ja,
	...booking.ja,
	...bookingFlow.ja,
	...schedule.ja,
	...schedulingSettings.ja,
	...patients.ja,
	...portal.ja,
	...intake.ja,
	...consent.ja,
	...outcomes.ja,
	...patientMerge.ja,
	...safety.ja,
	...documents.ja,
	...examination.ja,
	...treatmentPlan.ja,
	...billing.ja,
	...treatmentSession.ja,
	...rateLimit.ja,
	...insurance.ja,
	...reports.ja,
	...staffSecurity.ja,
	...waitlist.ja,
	...reminders.ja,
	...line.ja,
	...desk.ja,
	...cancellationPolicy.ja,
	...recall.ja,
	...series.ja,
	...bookingControls.ja,
	...bedside.ja,
	...bookingPages.ja,
	...console_.ja,
	...profiles.ja,
	...jukyoClaim.ja,
	...deskFollowup.ja,
	...jukyoRegistration.ja,
	...consoleFollowup.ja,
	...packages.ja,
	...portalPackages.ja,
	...packageReports.ja,
	...packagePlans.ja,
	...jukyoMonth.ja,
	...jukyoReport.ja,
	...claimStatus.ja,
	...eligibilityInsured.ja,
	...claimOutcome.ja,
	...claimFollowups.ja,
	...doctorReportFee.ja
} as const;

export const AREA_MESSAGES_EN = {
	...publicSite.en,
	...check.en,
	...home.en,
	...clinic.en,
	...points.en,
	...booking.en,
	...bookingFlow.en,
	...schedule.en,
	...schedulingSettings.en,
	...patients.en,
	...portal.en,
	...intake.en,
	...consent.en,
	...outcomes.en,
	...patientMerge.en,
	...safety.en,
	...documents.en,
	...examination.en,
	...treatmentPlan.en,
	...billing.en,
	...treatmentSession.en,
	...rateLimit.en,
	...insurance.en,
	...reports.en,
	...staffSecurity.en,
	...waitlist.en,
	...reminders.en,
	...line.en,
	...desk.en,
	...cancellationPolicy.en,
	...recall.en,
	...series.en,
	...bookingControls.en,
	...bedside.en,
	...bookingPages.en,
	...console_.en,
	...profiles.en,
	...jukyoClaim.en,
	...deskFollowup.en,
	...jukyoRegistration.en,
	...consoleFollowup.en,
	...packages.en,
	...portalPackages.en,
	...packageReports.en,
	...packagePlans.en,
	...jukyoMonth.en,
	...jukyoReport.en,
	...claimStatus.en,
	...eligibilityInsured.en,
	...claimOutcome.en,
	...claimFollowups.en,
	...doctorReportFee.en
} as const;
