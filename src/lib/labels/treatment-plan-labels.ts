import type { MessageKey } from '$lib/i18n/translate';
import type { PlanPattern, PointSide } from '$lib/domain/clinical/point-suggestions';

/** A treatment plan's basis (pattern, side) and the techniques it allows. */

export const PLAN_PATTERN_LABELS: Record<PlanPattern, MessageKey> = {
	taiyang: 'treatmentPlan.pattern.taiyang',
	shaoyang: 'treatmentPlan.pattern.shaoyang',
	mixed: 'treatmentPlan.pattern.mixed',
	other: 'treatmentPlan.pattern.other'
};

export const PLAN_SIDE_LABELS: Record<PointSide, MessageKey> = {
	left: 'treatmentPlan.side.left',
	right: 'treatmentPlan.side.right',
	both: 'treatmentPlan.side.both',
	midline: 'treatmentPlan.side.midline'
};

export const PLAN_TECHNIQUE_LABELS: Record<'electroacupuncture' | 'moxibustion' | 'bloodletting', MessageKey> = {
	electroacupuncture: 'treatmentPlan.electroacupuncture',
	moxibustion: 'treatmentPlan.moxibustion',
	bloodletting: 'treatmentPlan.bloodletting'
};
