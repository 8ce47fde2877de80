import type { MessageKey } from '$lib/i18n/translate';
import type { CheckInProblem, CheckInSource } from './check-in';
import type { ResponderStatus } from './instrument';
import type { ChartPanelKey } from './progress-chart';

/*
 * Typed label maps for the outcome measures (issue #21): every key is written out, so a new
 * measure, status or problem without words is a type error and the build finds the keys a page needs. The measures' own map is src/lib/labels/measure-labels.ts.
 */

export const RESPONDER_STATUS_LABELS: Record<ResponderStatus, MessageKey> = {
	responder: 'outcomes.responder.status.responder',
	not_responder: 'outcomes.responder.status.not_responder',
	change_only: 'outcomes.responder.status.change_only',
	no_baseline: 'outcomes.responder.status.no_baseline',
	no_follow_up: 'outcomes.responder.status.no_follow_up'
};

export const CHART_PANEL_LABELS: Record<ChartPanelKey, MessageKey> = {
	pain: 'outcomes.chart.panel.pain',
	function: 'outcomes.chart.panel.function',
	bother: 'outcomes.chart.panel.bother'
};

/** Who recorded a check-in. */
export const CHECK_IN_SOURCE_LABELS: Record<CheckInSource, MessageKey> = {
	intake: 'outcomes.source.intake',
	portal: 'outcomes.source.portal',
	session: 'outcomes.source.session'
};

/** Why a check-in or a clinic instrument's answers were refused, field by field. */
export const CHECK_IN_PROBLEM_LABELS: Record<CheckInProblem | 'invalid', MessageKey> = {
	empty: 'outcomes.error.empty',
	item_count: 'outcomes.error.item_count',
	not_integer: 'outcomes.error.not_integer',
	out_of_range: 'outcomes.error.out_of_range',
	activity_required: 'outcomes.error.activity_required',
	activity_too_long: 'outcomes.error.activity_too_long',
	activity_repeated: 'outcomes.error.activity_repeated',
	invalid: 'outcomes.error.invalid'
};
