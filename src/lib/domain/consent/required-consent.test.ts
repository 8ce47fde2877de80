import { describe, expect, it } from 'vitest';
import { intakeConsentProblem, mayTakeVerbally, sessionConsentProblem } from './required-consent';
import type { ConsentSignatureFact } from './status';

const doc = (kind: string, version: number) => ({ id: `${kind}-${version}`, kind, version, required: true });
const DOCS = [doc('treatment', 1), doc('treatment', 2), doc('privacy', 1)];
const sig = (kind: string, version: number, agreed: boolean, signedAt = '2026-03-01T00:00:00.000Z'): ConsentSignatureFact => ({
	id: `${kind}-${version}-${signedAt}`,
	documentId: `${kind}-${version}`,
	kind,
	version,
	agreed,
	signedAt
});

describe('intakeConsentProblem (docs/clinical-rules.md §6)', () => {
	it('takes health answers only with a current privacy consent', () => {
		expect(intakeConsentProblem(DOCS, [sig('privacy', 1, true)])).toBeNull();
		expect(intakeConsentProblem(DOCS, [])).toBe('no_privacy_consent');
		expect(intakeConsentProblem(DOCS, [sig('treatment', 2, true)])).toBe('no_privacy_consent');
	});

	it('refuses when no privacy document was ever published', () => {
		expect(intakeConsentProblem([doc('treatment', 1)], [sig('privacy', 1, true)])).toBe('no_privacy_consent');
	});
});

describe('sessionConsentProblem', () => {
	it('starts a session with a consent to the current treatment text', () => {
		expect(sessionConsentProblem(DOCS, [sig('treatment', 2, true)])).toBeNull();
	});

	it('refuses an outdated, withdrawn or missing treatment consent', () => {
		expect(sessionConsentProblem(DOCS, [sig('treatment', 1, true)])).toBe('no_treatment_consent');
		expect(sessionConsentProblem(DOCS, [sig('treatment', 2, true, '2026-03-01T00:00:00.000Z'), sig('treatment', 2, false, '2026-03-02T00:00:00.000Z')])).toBe(
			'no_treatment_consent'
		);
		expect(sessionConsentProblem(DOCS, [sig('privacy', 1, true)])).toBe('no_treatment_consent');
	});
});

describe('mayTakeVerbally', () => {
	it('allows only the treatment consent to be taken aloud at the desk', () => {
		expect(mayTakeVerbally('treatment')).toBe(true);
		expect(mayTakeVerbally('privacy')).toBe(false);
		expect(mayTakeVerbally('research')).toBe(false);
	});
});
