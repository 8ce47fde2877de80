import { describe, expect, it } from 'vitest';
import { maskPersonalData, safeError } from './log-safe-error';

describe('safeError', () => {
	it('drops the row values PostgreSQL puts in detail, where and the message', () => {
		const cause = Object.assign(new Error('duplicate key value violates unique constraint "patient_email_key"'), {
			code: '23505',
			detail: 'Key (email)=(hanako@example.jp) already exists.',
			where: 'SQL statement "insert into patient values (\'花子\')"',
			parameters: ['花子', 'hanako@example.jp']
		});
		const logged = JSON.stringify(safeError(cause));
		expect(logged).toContain('23505');
		expect(logged).toContain('patient_email_key');
		expect(logged).not.toContain('hanako');
		expect(logged).not.toContain('花子');
		expect(maskPersonalData('Key (email, phone)=(a@b.jp, 090) exists')).toBe('Key (email, phone)=([value]) exists');
	});

	it('masks the recipients an SMTP error names', () => {
		const cause = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <taro.yamada@example.jp>: Recipient address rejected"), {
			code: 'EENVELOPE',
			rejected: ['taro.yamada@example.jp'],
			response: '550 5.1.1 <taro.yamada@example.jp>'
		});
		const logged = JSON.stringify(safeError(cause));
		expect(logged).toContain('EENVELOPE');
		expect(logged).toContain('550 5.1.1 <[address]>');
		expect(logged).not.toContain('taro.yamada');
	});

	it('describes a thrown value that is not an Error, masked too', () => {
		expect(safeError('failed for a@b.jp')).toEqual({ type: 'string', message: 'failed for [address]' });
	});
});
