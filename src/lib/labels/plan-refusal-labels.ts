import type { MessageKey } from '$lib/i18n/translate';
import type { RenewPlanResult, StartPlanResult, StopPlanResult } from '$lib/server/packages/monthly-plans';
import type { MarkPlanResult } from '$lib/server/packages/monthly-use';
import { PACKAGE_REFUSAL_LABELS, type Refusal } from './package-refusal-labels';

/** Every code a monthly-plan action (start, renew, stop, use) can refuse with: the plan's own wording first, else the course's. */
export type PlanRefusal = Refusal<StartPlanResult | RenewPlanResult | StopPlanResult | MarkPlanResult>;

/** A refusal a course shares with the plan is worded by the course's map, so each key is named once. */
export const PLAN_REFUSAL_LABELS: Record<PlanRefusal, MessageKey> = {
	already_active: 'packagePlans.refusal.already_active',
	nothing_due: 'packagePlans.refusal.nothing_due',
	already_stopped: 'packagePlans.refusal.already_stopped',
	not_active: PACKAGE_REFUSAL_LABELS.not_active,
	none_left: PACKAGE_REFUSAL_LABELS.none_left,
	expired: PACKAGE_REFUSAL_LABELS.expired,
	service_not_covered: PACKAGE_REFUSAL_LABELS.service_not_covered,
	not_allowed_user: PACKAGE_REFUSAL_LABELS.not_allowed_user,
	insured_visit: PACKAGE_REFUSAL_LABELS.insured_visit,
	not_booked: PACKAGE_REFUSAL_LABELS.not_booked,
	not_shareable: PACKAGE_REFUSAL_LABELS.not_shareable,
	not_found: PACKAGE_REFUSAL_LABELS.not_found,
	forbidden: PACKAGE_REFUSAL_LABELS.forbidden
};
