import { describe, expect, it } from 'vitest';
import { en } from './messages/en';
import { ja } from './messages/ja';
import { translate } from './translate';

describe('message catalogues', () => {
	it('have the same keys in Japanese and English', () => {
		const jaKeys = Object.keys(ja).sort();
		const enKeys = Object.keys(en).sort();
		expect(jaKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
		expect(enKeys.filter((k) => !jaKeys.includes(k))).toEqual([]);
	});

	it('use the same placeholders in both languages', () => {
		const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(ja) as Array<keyof typeof ja>) {
			expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
		}
	});

	it('leave no message empty', () => {
		for (const text of [...Object.values(ja), ...Object.values(en)]) expect(text.trim()).not.toBe('');
	});

	it('fills placeholders and keeps unknown ones visible', () => {
		expect(translate('en', 'login.locked', { minutes: 15 })).toBe('Too many sign-in attempts. Try again in 15 minutes.');
		expect(translate('ja', 'home.minutes', { minutes: 45 })).toBe('45分');
		expect(translate('en', 'home.minutes')).toBe('{minutes} min');
	});
});
