import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFrom } from './field-errors';

const schema = z.object({
	email: z.email(),
	name: z.string().trim().min(1).max(5),
	password: z.string().min(13),
	role: z.enum(['owner', 'reception']),
	visit: z.iso.date('validation.date').optional()
});

function errors(input: unknown, locale: 'ja' | 'en' = 'en') {
	const result = schema.safeParse(input);
	if (result.success) throw new Error('expected failure');
	return fieldErrorsFrom(result.error, locale, input);
}

describe('fieldErrorsFrom', () => {
	it('says a missing field is required and a wrong type is invalid', () => {
		expect(errors({ name: 7 })).toMatchObject({ email: 'This field is required.', name: 'Please check this value.' });
	});

	it('explains lengths, formats and choices in the reader’s language', () => {
		const input = { email: 'nope', name: 'abcdefg', password: 'short', role: 'janitor', visit: '2026-13-40' };
		expect(errors(input, 'en')).toEqual({
			email: 'Enter an email address.',
			name: 'Enter at most 5 characters.',
			password: 'Enter at least 13 characters.',
			role: 'Choose one of the options.',
			visit: 'Enter a date as YYYY-MM-DD.'
		});
		expect(errors(input, 'ja')).toMatchObject({ email: 'メールアドレスの形式で入力してください。', name: '5文字以内で入力してください。' });
	});

	it('treats an empty required text as missing', () => {
		expect(errors({ email: 'a@example.jp', name: '   ', password: 'x'.repeat(13), role: 'owner' })).toEqual({ name: 'This field is required.' });
	});
});
