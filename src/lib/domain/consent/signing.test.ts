import { describe, expect, it } from 'vitest';
import { signingProblems } from './signing';

const name = { familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ' };
const answer = { isCurrent: true, required: true, agreed: true, confirmed: true, typedName: '山田 花子', name };

describe('signingProblems', () => {
	it('accepts an agreement to the current version with the patient’s own name', () => {
		expect(signingProblems(answer)).toEqual({});
	});

	it('refuses a version that is no longer current, before anything else', () => {
		expect(signingProblems({ ...answer, isCurrent: false, typedName: '' })).toEqual({ documentId: 'consent.error.notCurrent' });
	});

	it('refuses an empty or a different name when agreeing', () => {
		expect(signingProblems({ ...answer, typedName: '  ' })).toEqual({ typedName: 'consent.error.nameRequired' });
		expect(signingProblems({ ...answer, typedName: '鈴木 一郎' })).toEqual({ typedName: 'consent.error.nameMismatch' });
		expect(signingProblems({ ...answer, required: false, typedName: '' })).toEqual({ typedName: 'consent.error.nameRequired' });
	});

	it('refuses to record a decline of a required kind, naming every missing part', () => {
		expect(signingProblems({ ...answer, agreed: false })).toEqual({ agree: 'consent.error.mustAgree' });
		expect(signingProblems({ ...answer, agreed: false, typedName: '' })).toEqual({ agree: 'consent.error.mustAgree', typedName: 'consent.error.nameRequired' });
	});

	it('refuses an agreement whose box was not ticked, even for an optional kind', () => {
		expect(signingProblems({ ...answer, required: false, confirmed: false })).toEqual({ agree: 'consent.error.mustAgree' });
	});

	it('lets an optional kind be declined without typing a name', () => {
		expect(signingProblems({ ...answer, required: false, agreed: false, confirmed: false, typedName: '' })).toEqual({});
	});
});
