import { describe, expect, it } from 'vitest';
import { patientInitials } from './initials';

describe('patientInitials', () => {
	it('takes the Hepburn initial of each reading, family name first', () => {
		expect(patientInitials({ familyName: '山田', givenName: '太郎', familyNameKana: 'ヤマダ', givenNameKana: 'タロウ' })).toBe('Y.T.');
		expect(patientInitials({ familyName: '千葉', givenName: '翔', familyNameKana: 'チバ', givenNameKana: 'ショウ' })).toBe('C.S.');
		expect(patientInitials({ familyName: '藤井', givenName: '純', familyNameKana: 'ふじい', givenNameKana: 'じゅん' })).toBe('F.J.');
		expect(patientInitials({ familyName: '伊藤', givenName: '恵', familyNameKana: 'イトウ', givenNameKana: 'メグミ' })).toBe('I.M.');
	});

	it('uses a Latin name as written, and kana names without a separate reading', () => {
		expect(patientInitials({ familyName: 'smith', givenName: 'Anna' })).toBe('S.A.');
		expect(patientInitials({ familyName: 'さとう', givenName: 'ケン' })).toBe('S.K.');
	});

	it('falls back to the first character when there is no reading at all', () => {
		expect(patientInitials({ familyName: '山田', givenName: '花子' })).toBe('山.花.');
	});
});
