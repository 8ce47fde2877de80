import { describe, it } from 'vitest';
import { expectLabelsEach } from '../../../tests/support/label-maps';
import { RED_FLAG_QUESTIONS, TRIAGE_REASONS, type TriageLevel } from '../domain/triage/assess';
import { RED_FLAG_QUESTION_LABELS } from './red-flag-question-labels';
import { TRIAGE_ADVICE_LABELS } from './triage-advice-labels';
import { TRIAGE_LEVEL_LABELS } from './triage-level-labels';
import { TRIAGE_REASON_LABELS } from './triage-reason-labels';

const LEVELS: readonly TriageLevel[] = ['emergency', 'urgent', 'see_doctor', 'routine'];

describe('the self-check label maps', () => {
	it('name every question, reason and level in both languages', () => {
		expectLabelsEach([...RED_FLAG_QUESTIONS, 'seenDoctor'] as const, RED_FLAG_QUESTION_LABELS);
		expectLabelsEach(TRIAGE_REASONS, TRIAGE_REASON_LABELS);
		expectLabelsEach(LEVELS, TRIAGE_LEVEL_LABELS);
		expectLabelsEach(LEVELS, TRIAGE_ADVICE_LABELS);
	});
});
