import type { StaffRole } from '../db/schema';

/**
 * Who may use each route (issue #3; extended by #9). The server refuses any route that is
 * missing here, and a test walks `src/routes` so that none can be forgotten.
 * - `public`: anyone
 * - `patient`: a patient signed in to the portal (by magic link); they see only their own data
 * - `signed-in-pending`: staff who passed the password step but not yet the second factor
 * - `staff`: any fully signed-in staff member
 * - a list of roles: only those roles
 */
export type RouteAccess = 'public' | 'patient' | 'signed-in-pending' | 'staff' | readonly StaffRole[];

const OWNER: readonly StaffRole[] = ['owner'];
const ALL_STAFF: readonly StaffRole[] = ['owner', 'practitioner', 'reception'];
const DESK: readonly StaffRole[] = ['owner', 'reception'];
const CLINICAL: readonly StaffRole[] = ['owner', 'practitioner'];

export const ROUTE_ACCESS: Record<string, RouteAccess> = {
	'/[[lang=lang]]': 'public',
	'/[[lang=lang]]/[slug=article]': 'public',
	'/[[lang=lang]]/check': 'public',
	'/[[lang=lang]]/clinic': 'public',
	'/[[lang=lang]]/book': 'public',
	'/[[lang=lang]]/book/done': 'public',
	'/[[lang=lang]]/book/self-check': 'public',
	'/[[lang=lang]]/booking/[token]': 'public',
	'/[[lang=lang]]/booking/[token]/calendar.ics': 'public',
	// A reminder's answer page: its signed token is the key (issue #17).
	'/[[lang=lang]]/reminder/[token]': 'public',
	'/[[lang=lang]]/points': 'public',
	'/[[lang=lang]]/points/[code]': 'public',
	'/[[lang=lang]]/staff': 'staff',
	'/[[lang=lang]]/staff/login': 'public',
	'/[[lang=lang]]/staff/login/totp': 'signed-in-pending',
	'/[[lang=lang]]/staff/logout': 'public',
	'/[[lang=lang]]/staff/invite/[token]': 'public',
	'/[[lang=lang]]/staff/account': 'staff',
	'/[[lang=lang]]/staff/account/totp': 'signed-in-pending',
	'/[[lang=lang]]/staff/team': OWNER,
	'/[[lang=lang]]/staff/audit': OWNER,
	'/[[lang=lang]]/staff/settings': OWNER,
	'/[[lang=lang]]/staff/settings/messages': OWNER,
	// Reception reads mail to patients only, links redacted (issue #22); the owner reads all of it.
	'/[[lang=lang]]/staff/outbox': DESK,
	'/[[lang=lang]]/staff/scheduling': OWNER,
	'/[[lang=lang]]/staff/scheduling/services': OWNER,
	'/[[lang=lang]]/staff/scheduling/practitioners': OWNER,
	'/[[lang=lang]]/staff/scheduling/practitioners/[id]': OWNER,
	'/[[lang=lang]]/staff/schedule': ['owner', 'practitioner', 'reception'],
	'/[[lang=lang]]/staff/schedule/week': ['owner', 'practitioner', 'reception'],
	'/[[lang=lang]]/staff/patients/[id]/series': ALL_STAFF,
	'/[[lang=lang]]/staff/series/[id]': ALL_STAFF,
	'/[[lang=lang]]/staff/booking-requests': DESK,
	'/[[lang=lang]]/staff/booking-controls': OWNER,
	'/[[lang=lang]]/staff/calendar-feed': ['owner', 'practitioner'],
	'/[[lang=lang]]/staff/patients': ['owner', 'practitioner', 'reception'],
	'/[[lang=lang]]/staff/patients/[id]': ['owner', 'practitioner', 'reception'],
	'/[[lang=lang]]/staff/messages': ['owner', 'reception'],
	'/[[lang=lang]]/staff/patients/[id]/intake': ALL_STAFF,
	'/[[lang=lang]]/staff/patients/[id]/intake/[step]': ALL_STAFF,
	'/[[lang=lang]]/staff/patients/[id]/consents': ALL_STAFF,
	'/[[lang=lang]]/staff/patients/[id]/consents/[signatureId]': ALL_STAFF,
	'/[[lang=lang]]/staff/patients/[id]/merge': DESK,
	'/[[lang=lang]]/staff/patients/[id]/aftercare': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/instruments': CLINICAL,
	'/[[lang=lang]]/staff/patients/duplicates': DESK,
	'/[[lang=lang]]/staff/patients/[id]/exams': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/exams/[examId]': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/exams/[examId]/referral': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/plan': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/documents': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/documents/summary': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/documents/records': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/exams/[examId]/referral/pdf': CLINICAL,
	'/[[lang=lang]]/portal/documents/summary': 'patient',
	'/[[lang=lang]]/staff/patients/[id]/sessions': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/sessions/[sessionId]': CLINICAL,
	'/fhir/R4/Patient/[id]/$everything': ALL_STAFF,
	'/[[lang=lang]]/staff/alerts': ALL_STAFF,
	'/[[lang=lang]]/staff/consents': OWNER,
	'/[[lang=lang]]/staff/deletion-requests': OWNER,
	'/[[lang=lang]]/staff/side-effects': CLINICAL,
	// Money (issue #8): the desk changes it; a practitioner reads the charges of their own visits (checked in the route).
	'/[[lang=lang]]/staff/billing': ALL_STAFF,
	'/[[lang=lang]]/staff/billing/day': DESK,
	'/[[lang=lang]]/staff/billing/appointments/[appointmentId]': DESK,
	'/[[lang=lang]]/staff/billing/charges/[chargeId]': ALL_STAFF,
	'/[[lang=lang]]/staff/billing/charges/[chargeId]/statement': ALL_STAFF,
	'/[[lang=lang]]/staff/billing/receipts/[receiptId]/pdf': ALL_STAFF,
	// Cancellation policy and recall (issue #17).
	'/[[lang=lang]]/staff/billing/fees/[feeId]': DESK,
	'/[[lang=lang]]/staff/settings/cancellation-policy': OWNER,
	// The 受領委任 registration: the clinic's account and numbers (issue #19).
	'/[[lang=lang]]/staff/settings/jukyo': OWNER,
	'/[[lang=lang]]/staff/settings/packages': OWNER,
	'/[[lang=lang]]/staff/patients/[id]/packages': DESK,
	// Issue #18: the refund receipt at the desk, and the owner's report of courses with its CSV.
	'/[[lang=lang]]/staff/patients/[id]/packages/[saleId]/refund.pdf': DESK,
	'/[[lang=lang]]/staff/reports/packages': OWNER,
	'/[[lang=lang]]/staff/reports/packages/export.csv': OWNER,
	'/[[lang=lang]]/staff/recall': DESK,
	'/[[lang=lang]]/staff/patients/[id]/insurance': ALL_STAFF,
	'/[[lang=lang]]/staff/insurance': DESK,
	'/[[lang=lang]]/staff/insurance/claims.csv': DESK,
	// The monthly 受領委任 申請書 (issue #19): the desk prints them; the owner revises the fees.
	'/[[lang=lang]]/staff/insurance/claims': DESK,
	'/[[lang=lang]]/staff/insurance/claims/[patientId]/form.pdf': DESK,
	'/[[lang=lang]]/staff/insurance/claims/summary.pdf': DESK,
	// The patient's monthly confirmation and signature, opened by the desk (issue #19).
	'/[[lang=lang]]/staff/insurance/claims/[patientId]/confirm': DESK,
	'/[[lang=lang]]/staff/insurance/fees': OWNER,
	// The 施術報告書 (issue #19): the practitioner writes it for the consenting doctor; the 受領委任 施術録 apart.
	'/[[lang=lang]]/staff/patients/[id]/insurance/report': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/insurance/report/[reportId]': CLINICAL,
	'/[[lang=lang]]/staff/patients/[id]/documents/jukyo-records': CLINICAL,
	'/[[lang=lang]]/staff/reports': CLINICAL,
	'/[[lang=lang]]/staff/reports/export.csv': CLINICAL,
	'/[[lang=lang]]/portal/login': 'public',
	'/[[lang=lang]]/portal/auth/[token]': 'public',
	'/[[lang=lang]]/portal/logout': 'public',
	'/[[lang=lang]]/portal': 'patient',
	'/[[lang=lang]]/portal/appointments/[id]': 'patient',
	'/[[lang=lang]]/portal/intake': 'patient',
	'/[[lang=lang]]/portal/intake/[step]': 'patient',
	'/[[lang=lang]]/portal/consents': 'patient',
	'/[[lang=lang]]/portal/consents/[signatureId]': 'patient',
	'/[[lang=lang]]/portal/check-in': 'patient',
	'/[[lang=lang]]/portal/progress': 'patient',
	'/[[lang=lang]]/portal/side-effects': 'patient',
	'/[[lang=lang]]/portal/packages': 'patient',
	'/[[lang=lang]]/portal/data': 'patient',
	'/[[lang=lang]]/portal/data/export': 'patient',
	'/[[lang=lang]]/portal/line': 'patient',
	'/[[lang=lang]]/portal/line/callback': 'patient',
	'/api/v1/patients': CLINICAL,
	'/api/v1/health': 'public',
	'/api/v1/openapi.json': 'public',
	'/sitemap.xml': 'public',
	'/ical/practitioners/[id].ics': 'public',
	// A practitioner's photo on the booking pages (issue #22).
	'/practitioners/[id]/photo': 'public',
	'/robots.txt': 'public',
	'/api/v1/services': 'public',
	'/api/v1/practitioners': 'public',
	'/api/v1/auth/login': 'public',
	'/api/v1/triage': 'public',
	'/api/v1/availability': 'public',
	'/api/v1/bookings': 'public',
	// The waiting list (issue #17): the links' tokens are the only key; the desk's list is the desk's.
	'/api/v1/waitlist': 'public',
	'/api/v1/bookings/[id]/cancel': 'public',
	'/[[lang=lang]]/book/waitlist': 'public',
	'/[[lang=lang]]/waitlist/[token]': 'public',
	'/[[lang=lang]]/waitlist/offer/[token]': 'public',
	'/[[lang=lang]]/staff/waitlist': DESK,
	'/api/v1/acupoints': 'public',
	// Signed by LINE with the channel secret (checked in the route), not by a user (issue #20).
	'/api/v1/line/webhook': 'public',
	'/api/v1/acupoints/[code]': 'public',
	'/api/v1/auth/logout': 'public',
	'/api/v1/[...unknown]': 'public'
};

export type AccessDecision = 'allow' | 'sign_in' | 'patient_sign_in' | 'second_factor' | 'enrol' | 'forbidden';

export interface Viewer {
	role: StaffRole;
	secondFactorDone: boolean;
	totpEnabled: boolean;
}

/** `patientSignedIn`: the request carries a live portal session (staff sessions never count). */
export function decideAccess(access: RouteAccess | undefined, viewer: Viewer | null, patientSignedIn = false): AccessDecision {
	if (access === undefined) return 'forbidden';
	if (access === 'public') return 'allow';
	if (access === 'patient') return patientSignedIn ? 'allow' : 'patient_sign_in';
	if (!viewer) return 'sign_in';
	if (access === 'signed-in-pending') return 'allow';
	if (!viewer.secondFactorDone) return viewer.totpEnabled ? 'second_factor' : 'enrol';
	if (access === 'staff') return 'allow';
	return access.includes(viewer.role) ? 'allow' : 'forbidden';
}

/** Whether a staff role may open a route: for links, so a page never offers what would be refused. */
export function roleMayOpen(routeId: string, role: StaffRole): boolean {
	const access = ROUTE_ACCESS[routeId];
	if (access === undefined || access === 'patient') return false;
	return typeof access === 'string' || access.includes(role);
}
