import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, localeFromPath, localizePath, switchLocalePath } from './locales';

describe('locale paths', () => {
	it('reads English only from an /en prefix', () => {
		expect(localeFromPath('/en')).toBe('en');
		expect(localeFromPath('/en/staff')).toBe('en');
		expect(localeFromPath('/english')).toBe('ja');
		expect(localeFromPath('/')).toBe('ja');
	});

	it('switches a page between its Japanese and English paths', () => {
		expect(switchLocalePath('/staff/login', 'en')).toBe('/en/staff/login');
		expect(switchLocalePath('/en/staff/login', 'ja')).toBe('/staff/login');
		expect(switchLocalePath('/en', 'ja')).toBe('/');
		expect(switchLocalePath('/', 'en')).toBe('/en');
		expect(localizePath('/', 'ja')).toBe('/');
	});

	it('picks the preferred supported language from Accept-Language', () => {
		expect(localeFromAcceptLanguage('en-GB,en;q=0.9,ja;q=0.5')).toBe('en');
		expect(localeFromAcceptLanguage('fr-FR, ja;q=0.4, en;q=0.3')).toBe('ja');
		expect(localeFromAcceptLanguage('de')).toBe('ja');
		expect(localeFromAcceptLanguage(null)).toBe('ja');
	});
});
