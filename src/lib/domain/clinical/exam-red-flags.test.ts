import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questionsAtLevel, RED_FLAG_QUESTIONS, type RedFlagQuestion } from '../triage/assess';
import { examRedFlagLevel, HISTORY_RED_FLAGS, needsAcknowledgement, sessionGate, withGivenHistory } from './exam-red-flags';

describe('red flags found again at the examination (docs/clinical-rules.md §1)', () => {
	it('are graded as the self-check grades the same answers', () => {
		for (const flag of questionsAtLevel('emergency')) expect(examRedFlagLevel([flag])).toBe('emergency');
		for (const flag of questionsAtLevel('urgent')) expect(examRedFlagLevel([flag])).toBe('urgent');
		expect(examRedFlagLevel(['worsening'])).toBe('see_doctor');
		expect(examRedFlagLevel([])).toBe('routine');
		expect(examRedFlagLevel(['worsening', 'cancerHistory', 'saddleNumbness'])).toBe('emergency');
	});

	it('block a session only at the emergency level, whatever was acknowledged', () => {
		expect(sessionGate('emergency', false)).toBe('blocked');
		expect(sessionGate('emergency', true)).toBe('blocked');
	});

	it('ask for the practitioner’s acknowledgement at the urgent and see-doctor levels', () => {
		expect(sessionGate('urgent', false)).toBe('needs_acknowledgement');
		expect(sessionGate('see_doctor', false)).toBe('needs_acknowledgement');
		expect(sessionGate('urgent', true)).toBe('clear');
		expect(sessionGate('see_doctor', true)).toBe('clear');
		expect(sessionGate('routine', false)).toBe('clear');
		expect(needsAcknowledgement(['cancerHistory'])).toBe(true);
		expect(needsAcknowledgement(['worsening'])).toBe(true);
		expect(needsAcknowledgement(['saddleNumbness', 'worsening'])).toBe(false);
		expect(needsAcknowledgement([])).toBe(false);
	});

	it('keep a cancer history the patient gave, even when the practitioner leaves it unticked', () => {
		expect(HISTORY_RED_FLAGS).toEqual(['cancerHistory']);
		expect(withGivenHistory([], ['cancerHistory'])).toEqual(['cancerHistory']);
		expect(withGivenHistory(['worsening'], ['cancerHistory', 'feverOrUnwell'])).toEqual(['cancerHistory', 'worsening']);
	});

	it('do not carry over symptoms of the moment: those the practitioner checks again', () => {
		expect(withGivenHistory([], ['feverOrUnwell', 'saddleNumbness', 'worsening'])).toEqual([]);
	});

	it('never lose a ticked flag and keep the rules’ order', () => {
		fc.assert(
			fc.property(fc.subarray([...RED_FLAG_QUESTIONS]), fc.subarray([...RED_FLAG_QUESTIONS]), (ticked: RedFlagQuestion[], given: RedFlagQuestion[]) => {
				const flags = withGivenHistory(ticked, given);
				for (const flag of ticked) expect(flags).toContain(flag);
				if (given.includes('cancerHistory')) expect(flags).toContain('cancerHistory');
				expect(flags).toEqual(RED_FLAG_QUESTIONS.filter((q) => flags.includes(q)));
			})
		);
	});
});
