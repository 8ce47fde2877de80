import { describe, expect, it } from 'vitest';
import { redactLinks } from './redact-links';

const token = 'abcdefghijklmnopqrstuvwxyz234567';

describe('redactLinks', () => {
	it('hides the token in a booking manage link', () => {
		expect(redactLinks(`Manage: https://clinic.example.jp/en/booking/${token}\nThanks`)).toBe(
			'Manage: https://clinic.example.jp/en/booking/[redacted]\nThanks'
		);
	});

	it('hides a token followed by a query, and a token given as a query value', () => {
		expect(redactLinks(`http://localhost:3000/portal/auth/${token}?next=/portal/intake`)).toBe(
			'http://localhost:3000/portal/auth/[redacted]?next=/portal/intake'
		);
		expect(redactLinks(`https://x.jp/a?token=${token}&b=1`)).toBe('https://x.jp/a?token=[redacted]&b=1');
	});

	it('hides every link in a mail with several', () => {
		const text = `Taro\nhttps://x.jp/portal/auth/${token}\n\nHanako\nhttps://x.jp/portal/auth/${token.split('').reverse().join('')}`;
		expect(redactLinks(text)).not.toMatch(/[a-z2-7]{20,}/);
	});

	it('keeps ordinary paths, ids and words', () => {
		const text =
			'See https://x.jp/en/portal/appointments/0b7e3c1a-7d2f-4b7a-9f1e-2c3d4e5f6a7b and https://x.jp/staff/outbox. abcdefghijklmnopqrstuvwxyz stays.';
		expect(redactLinks(text)).toBe(text);
	});
});
