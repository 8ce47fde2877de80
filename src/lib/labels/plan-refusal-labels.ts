import type { MessageKey } from '$lib/i18n/translate';
import type { RenewPlanResult, StartPlanResult, StopPlanResult } from '$lib/server/packages/monthly-plans';
import type { MarkPlanResult } from '$lib/server/packages/monthly-use';
import type { Refusal } from './package-refusal-labels';

/** Every code a monthly-plan action (start, renew, stop, use) can refuse with: the plan's own wording first, else the course's. */
export type PlanRefusal = Refusal<StartPlanResult | RenewPlanResult | StopPlanResult | MarkPlanResult>;

export const PLAN_REFUSAL_LABELS: Record<PlanRefusal, MessageKey> = {
	already_active: 'packagePlans.refusal.already_active',
	nothing_due: 'packagePlans.refusal.nothing_due',
	already_stopped: 'packagePlans.refusal.already_stopped',
	not_active: 'packages.refusal.not_active',
	none_left: 'packages.refusal.none_left',
	expired: 'packages.refusal.expired',
	service_not_covered: 'packages.refusal.service_not_covered',
	not_allowed_user: 'packages.refusal.not_allowed_user',
	insured_visit: 'packages.refusal.insured_visit',
	not_booked: 'packages.refusal.not_booked',
	not_shareable: 'packages.refusal.not_shareable',
	not_found: 'packages.refusal.not_found',
	forbidden: 'packages.refusal.forbidden'
};
