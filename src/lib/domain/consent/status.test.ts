import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentStatuses, currentDocuments, hasCurrentTreatmentConsent, needsAnswer, statusOf, type ConsentSignatureFact } from './status';

const doc = (kind: string, version: number, required = kind === 'treatment' || kind === 'privacy') => ({ id: `${kind}-${version}`, kind, version, required });
const DOCS = [doc('treatment', 1), doc('treatment', 2), doc('privacy', 1), doc('reminders', 1), doc('research', 1), doc('research', 3), doc('research', 2)];

let n = 0;
function sig(kind: string, version: number, agreed: boolean, signedAt: string): ConsentSignatureFact {
	return { id: `s${String(++n).padStart(3, '0')}`, documentId: `${kind}-${version}`, kind, version, agreed, signedAt };
}

describe('currentDocuments', () => {
	it('takes the highest version of each kind, whatever the order', () => {
		const current = currentDocuments(DOCS);
		expect(current.get('treatment')?.version).toBe(2);
		expect(current.get('research')?.version).toBe(3);
		expect(current.get('privacy')?.version).toBe(1);
	});

	it('ignores kinds it does not know', () => {
		expect(currentDocuments([doc('marketing', 9)]).size).toBe(0);
	});
});

describe('consent statuses', () => {
	it('calls every kind missing for a patient who has signed nothing', () => {
		expect(consentStatuses(DOCS, []).map((s) => [s.kind, s.status])).toEqual([
			['treatment', 'missing'],
			['privacy', 'missing'],
			['reminders', 'missing'],
			['research', 'missing']
		]);
	});

	it('calls a signature of the current version current and of an older one outdated', () => {
		const statuses = consentStatuses(DOCS, [sig('treatment', 1, true, '2026-01-01T00:00:00.000Z'), sig('privacy', 1, true, '2026-01-01T00:00:00.000Z')]);
		expect(statuses.find((s) => s.kind === 'treatment')?.status).toBe('outdated');
		expect(statuses.find((s) => s.kind === 'privacy')?.status).toBe('current');
	});

	it('counts only the newest answer: a later withdrawal wins over an earlier agreement', () => {
		const agreed = sig('reminders', 1, true, '2026-01-01T00:00:00.000Z');
		const withdrawn = sig('reminders', 1, false, '2026-02-01T00:00:00.000Z');
		const status = consentStatuses(DOCS, [withdrawn, agreed]).find((s) => s.kind === 'reminders')!;
		expect(status).toMatchObject({ status: 'declined', latest: withdrawn });
		const again = sig('reminders', 1, true, '2026-03-01T00:00:00.000Z');
		expect(consentStatuses(DOCS, [agreed, withdrawn, again]).find((s) => s.kind === 'reminders')?.status).toBe('current');
	});

	it('keeps a decline of an older version declined: a new text does not ask again', () => {
		const declined = sig('research', 1, false, '2026-01-01T00:00:00.000Z');
		expect(consentStatuses(DOCS, [declined]).find((s) => s.kind === 'research')?.status).toBe('declined');
	});

	it('reports no current document for a kind never published', () => {
		const status = consentStatuses([doc('treatment', 1)], []).find((s) => s.kind === 'research')!;
		expect(status).toEqual({ kind: 'research', document: null, status: 'missing', latest: null });
	});

	it('decides between answers at the same instant by version, then id', () => {
		const at = '2026-01-01T00:00:00.000Z';
		const older = sig('treatment', 1, true, at);
		const newer = sig('treatment', 2, true, at);
		expect(consentStatuses(DOCS, [newer, older]).find((s) => s.kind === 'treatment')?.latest).toBe(newer);
	});

	it('finds the same status whatever order the signatures come in', () => {
		const signatures = [
			sig('treatment', 1, true, '2026-01-01T00:00:00.000Z'),
			sig('treatment', 2, true, '2026-01-05T00:00:00.000Z'),
			sig('research', 3, true, '2026-01-02T00:00:00.000Z'),
			sig('research', 3, false, '2026-01-03T00:00:00.000Z'),
			sig('reminders', 1, true, '2026-01-04T00:00:00.000Z')
		];
		const expected = consentStatuses(DOCS, signatures);
		fc.assert(
			fc.property(fc.shuffledSubarray(signatures, { minLength: signatures.length, maxLength: signatures.length }), (shuffled) => {
				expect(consentStatuses(DOCS, shuffled)).toEqual(expected);
			})
		);
	});
});

describe('statusOf', () => {
	it('never calls an agreement current when no document is published', () => {
		expect(statusOf(null, sig('treatment', 1, true, '2026-01-01T00:00:00.000Z'))).toBe('outdated');
	});
});

describe('needsAnswer', () => {
	it('asks again for a required kind until it is current', () => {
		expect(['missing', 'outdated', 'declined', 'current'].map((s) => needsAnswer(s as never, true))).toEqual([true, true, true, false]);
	});

	it('asks for an optional kind only when unanswered or changed since the agreement', () => {
		expect(['missing', 'outdated', 'declined', 'current'].map((s) => needsAnswer(s as never, false))).toEqual([true, true, false, false]);
	});
});

describe('hasCurrentTreatmentConsent', () => {
	it('is true only after agreeing to the current treatment version', () => {
		expect(hasCurrentTreatmentConsent(DOCS, [])).toBe(false);
		expect(hasCurrentTreatmentConsent(DOCS, [sig('treatment', 1, true, '2026-01-01T00:00:00.000Z')])).toBe(false);
		expect(hasCurrentTreatmentConsent(DOCS, [sig('treatment', 2, true, '2026-01-02T00:00:00.000Z')])).toBe(true);
		expect(hasCurrentTreatmentConsent(DOCS, [sig('privacy', 1, true, '2026-01-02T00:00:00.000Z')])).toBe(false);
	});

	it('is false when no treatment document exists', () => {
		expect(hasCurrentTreatmentConsent([], [sig('treatment', 1, true, '2026-01-02T00:00:00.000Z')])).toBe(false);
	});
});
