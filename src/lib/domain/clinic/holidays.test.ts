import { describe, expect, it } from 'vitest';
import { japaneseHoliday } from './holidays';

describe('japaneseHoliday', () => {
	it('names Labour Thanksgiving Day in both languages', () => {
		expect(japaneseHoliday('2026-11-23')).toEqual({ name: { ja: '勤労感謝の日', en: 'Labor Thanksgiving Day' } });
	});

	it('finds no holiday on an ordinary weekday', () => {
		expect(japaneseHoliday('2026-11-25')).toBeNull();
	});
});
