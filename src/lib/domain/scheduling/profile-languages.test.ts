import { describe, expect, it } from 'vitest';
import { formatLanguages, isProfileLanguage, parseLanguages } from './profile-languages';

describe('profile languages', () => {
	it('reads the stored list in the shown order, dropping unknown and repeated codes', () => {
		expect(parseLanguages('en, ja,xx,en')).toEqual(['ja', 'en']);
		expect(parseLanguages('')).toEqual([]);
		expect(parseLanguages('ko,zh')).toEqual(['zh', 'ko']);
	});
	it('stores known codes once, in order', () => {
		expect(formatLanguages(['ko', 'ja', 'ja', 'fr'])).toBe('ja,ko');
		expect(formatLanguages([])).toBe('');
	});
	it('knows the four offered languages only', () => {
		expect(['ja', 'en', 'zh', 'ko'].every(isProfileLanguage)).toBe(true);
		expect(isProfileLanguage('fr')).toBe(false);
	});
});
