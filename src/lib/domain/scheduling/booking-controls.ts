import type { BookingRules } from './availability';

/*
 * The clinic's booking controls (issue #17), one rule each, shared by availability, the online
 * booking and the API: a service's own minimum notice and horizon, the limit of upcoming visits a
 * patient may hold, and whether a new patient's booking waits for the desk.
 */

export interface ServiceBookingWindow {
	/** null: the clinic's minimum notice. */
	minNoticeMinutes: number | null;
	/** null: the clinic's horizon. */
	horizonDays: number | null;
}

/** The clinic's rules with the service's own notice and horizon in place of the clinic's, when it has them. */
export function rulesForService(rules: BookingRules, service: ServiceBookingWindow): BookingRules {
	return {
		...rules,
		minNoticeMinutes: service.minNoticeMinutes ?? rules.minNoticeMinutes,
		horizonDays: service.horizonDays ?? rules.horizonDays
	};
}

/** 0 means no limit. A patient at the limit may not book another visit online. */
export function exceedsUpcomingLimit(upcomingVisits: number, limit: number): boolean {
	return limit > 0 && upcomingVisits >= limit;
}

/** A new patient (no visit the clinic has seen yet) waits for the desk when the clinic asks for it. */
export function needsApproval(clinicRequiresApproval: boolean, seenBefore: boolean): boolean {
	return clinicRequiresApproval && !seenBefore;
}

export const MAX_UPCOMING_VISITS = { min: 0, max: 50 } as const;
