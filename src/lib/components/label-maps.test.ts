import { describe, it } from 'vitest';
import { expectLabelsEach } from '../../../tests/support/label-maps';
import { POINT_SIDES, SUGGESTION_REASONS } from '$lib/domain/clinical/point-suggestions';
import { CONSENT_KINDS } from '$lib/domain/consent/kinds';
import { CONFLICT_KINDS } from '$lib/domain/safety/alerts';
import { CANCELLATION_FEE_KIND_LABELS } from './cancellation-policy/fee-labels';
import { APPOINTMENT_STATUS_LABELS } from './code-labels';
import { CONSENT_KIND_LABELS } from '../labels/consent-kind-labels';
import { CONSENT_STATUS_LABELS } from '../labels/consent-status-labels';
import { PORTAL_STATUS_LABELS } from './portal/status-labels';
import { WEEK_ORDER } from './scheduling/form-fields';
import { WEEKDAY_LABELS } from '../labels/weekday-labels';
import { CONFLICT_KIND_LABELS, SUGGESTION_REASON_LABELS } from './treatment-plan/plan-labels';
import { PLAN_SIDE_LABELS } from '../labels/treatment-plan-labels';

describe('the label maps of the components (issue #21)', () => {
	it('name every code of their domain lists in both languages', () => {
		expectLabelsEach(POINT_SIDES, PLAN_SIDE_LABELS);
		expectLabelsEach(SUGGESTION_REASONS, SUGGESTION_REASON_LABELS);
		expectLabelsEach(CONFLICT_KINDS, CONFLICT_KIND_LABELS);
		expectLabelsEach(CONSENT_KINDS, CONSENT_KIND_LABELS);
		expectLabelsEach(['current', 'outdated', 'declined', 'missing'] as const, CONSENT_STATUS_LABELS);
		expectLabelsEach(['late_cancellation', 'no_show'] as const, CANCELLATION_FEE_KIND_LABELS);
		expectLabelsEach(WEEK_ORDER, WEEKDAY_LABELS);
	});

	it('give the patient and the staff a word for every appointment status', () => {
		const statuses = Object.keys(APPOINTMENT_STATUS_LABELS) as Array<keyof typeof APPOINTMENT_STATUS_LABELS>;
		expectLabelsEach(statuses, PORTAL_STATUS_LABELS);
		expectLabelsEach(statuses, APPOINTMENT_STATUS_LABELS);
	});
});
