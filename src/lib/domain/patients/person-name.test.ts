import { describe, expect, it } from 'vitest';
import { personName } from './person-name';

describe('personName', () => {
	it('puts the family name first on Japanese pages', () => {
		expect(personName({ familyName: '山田', givenName: '花子' }, 'ja')).toBe('山田 花子');
		expect(personName({ familyName: 'Morgan', givenName: 'Alex' }, 'ja')).toBe('Morgan Alex');
	});

	it('keeps a name written in Japanese or Korean script family name first on English pages', () => {
		expect(personName({ familyName: '山田', givenName: '花子' }, 'en')).toBe('山田 花子');
		expect(personName({ familyName: 'ヤマダ', givenName: 'ハナコ' }, 'en')).toBe('ヤマダ ハナコ');
		expect(personName({ familyName: 'ｻﾄｳ', givenName: 'ｹﾝ' }, 'en')).toBe('ｻﾄｳ ｹﾝ');
		expect(personName({ familyName: '佐々木', givenName: 'Ken' }, 'en')).toBe('佐々木 Ken');
		expect(personName({ familyName: '김', givenName: '민준' }, 'en')).toBe('김 민준');
	});

	it('puts the given name first for a name in Latin letters on English pages', () => {
		expect(personName({ familyName: 'Morgan', givenName: 'Alex' }, 'en')).toBe('Alex Morgan');
		expect(personName({ familyName: 'Yamada', givenName: 'Hanako' }, 'en')).toBe('Hanako Yamada');
		expect(personName({ familyName: 'Ñúñez', givenName: 'José' }, 'en')).toBe('José Ñúñez');
	});

	it('leaves no stray space when one part is empty', () => {
		expect(personName({ familyName: 'Morgan', givenName: '' }, 'en')).toBe('Morgan');
		expect(personName({ familyName: '', givenName: '花子' }, 'ja')).toBe('花子');
	});
});
