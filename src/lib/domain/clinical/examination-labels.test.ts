import { describe, it } from 'vitest';
import { expectLabelsEach } from '../../../../tests/support/label-maps';
import { EXAM_SIDES, MUSCLES, PAIN_AREAS, PATTERNS, REFLEX_GRADES, REFLEXES, ROOTS } from './examination';
import { DERMATOME_LABELS, MUSCLE_LABELS, PAIN_AREA_LABELS, REFLEX_GRADE_LABELS, REFLEX_LABELS } from './examination-labels';
import { EXAMINATION_PATTERN_LABELS } from '../../labels/examination-pattern-labels';
import { EXAMINATION_SIDE_LABELS } from '../../labels/examination-finding-labels';

describe('the examination label maps', () => {
	it('name every side, area, reflex, grade, muscle, pattern and root in both languages', () => {
		expectLabelsEach(EXAM_SIDES, EXAMINATION_SIDE_LABELS);
		expectLabelsEach(PAIN_AREAS, PAIN_AREA_LABELS);
		expectLabelsEach(REFLEXES, REFLEX_LABELS);
		expectLabelsEach(REFLEX_GRADES, REFLEX_GRADE_LABELS);
		expectLabelsEach(MUSCLES, MUSCLE_LABELS);
		expectLabelsEach([...PATTERNS, 'auto'] as const, EXAMINATION_PATTERN_LABELS);
		expectLabelsEach(ROOTS, DERMATOME_LABELS);
	});
});
