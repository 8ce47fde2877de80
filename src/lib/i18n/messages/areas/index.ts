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
import { console_ } from './console';

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
	...console_.ja
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
	...console_.en
} as const;
