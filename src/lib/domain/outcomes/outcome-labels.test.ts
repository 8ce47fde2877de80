import { describe, it } from 'vitest';
import { expectLabelsEach } from '../../../../tests/support/label-maps';
import { MEASURE_KEYS, type CheckInProblem, type CheckInSource } from './check-in';
import type { ResponderStatus } from './instrument';
import { CHART_PANEL_LABELS, CHECK_IN_PROBLEM_LABELS, CHECK_IN_SOURCE_LABELS, RESPONDER_STATUS_LABELS } from './outcome-labels';
import { MEASURE_LABELS } from '../../labels/measure-labels';
import type { ChartPanelKey } from './progress-chart';

const STATUSES: readonly ResponderStatus[] = ['responder', 'not_responder', 'change_only', 'no_baseline', 'no_follow_up'];
const PANELS: readonly ChartPanelKey[] = ['pain', 'function', 'bother'];
const SOURCES: readonly CheckInSource[] = ['intake', 'portal', 'session'];
const PROBLEMS: readonly (CheckInProblem | 'invalid')[] = [
	'empty',
	'item_count',
	'not_integer',
	'out_of_range',
	'activity_required',
	'activity_too_long',
	'activity_repeated',
	'invalid'
];

describe('the outcome label maps', () => {
	it('name every measure, status, panel, source and problem in both languages', () => {
		expectLabelsEach(MEASURE_KEYS, MEASURE_LABELS);
		expectLabelsEach(STATUSES, RESPONDER_STATUS_LABELS);
		expectLabelsEach(PANELS, CHART_PANEL_LABELS);
		expectLabelsEach(SOURCES, CHECK_IN_SOURCE_LABELS);
		expectLabelsEach(PROBLEMS, CHECK_IN_PROBLEM_LABELS);
	});
});
