import { describe, it } from 'vitest';
import { expectLabelsEach } from '../../../../tests/support/label-maps';
import { REPORT_COLUMN_LABELS, REPORT_TABLE_LABELS } from './report-labels';
import { REPORT_COLUMNS, REPORT_TABLE_IDS } from './report-tables';

describe('the report label maps', () => {
	it('name every table and column in both languages', () => {
		expectLabelsEach(REPORT_TABLE_IDS, REPORT_TABLE_LABELS);
		expectLabelsEach(REPORT_COLUMNS, REPORT_COLUMN_LABELS);
	});
});
