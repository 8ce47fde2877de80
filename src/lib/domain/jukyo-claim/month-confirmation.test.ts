import { describe, expect, it } from 'vitest';
import { claimSignatureOf, isSignaturePath, monthConfirmationState, type MonthConfirmationFacts } from './month-confirmation';

const signed = (createdAt: string, confirmedDates: string[]): MonthConfirmationFacts => ({
	confirmedDates,
	signedOn: createdAt.slice(0, 10),
	createdAt,
	signerKind: 'patient',
	signerName: '山田 花子',
	proxyRelation: '',
	proxyReason: '',
	signatureKind: 'typed',
	signaturePath: null
});

describe('monthConfirmationState', () => {
	it('is unsigned without a confirmation', () => {
		expect(monthConfirmationState([], ['2026-11-05'])).toEqual({ state: 'unsigned' });
	});
	it('is signed when the newest confirmation covers exactly the month’s visit days, in any order and with repeats', () => {
		const c = signed('2026-11-26T05:00:00.000Z', ['2026-11-26', '2026-11-05']);
		expect(monthConfirmationState([c], ['2026-11-05', '2026-11-26', '2026-11-26'])).toEqual({ state: 'signed', confirmation: c });
	});
	it('asks again after a later visit in the month, and after a visit is voided', () => {
		const c = signed('2026-11-20T05:00:00.000Z', ['2026-11-05', '2026-11-20']);
		expect(monthConfirmationState([c], ['2026-11-05', '2026-11-20', '2026-11-27'])).toEqual({
			state: 'changed',
			confirmation: c,
			added: ['2026-11-27'],
			removed: []
		});
		expect(monthConfirmationState([c], ['2026-11-05'])).toEqual({ state: 'changed', confirmation: c, added: [], removed: ['2026-11-20'] });
	});
	it('counts only the newest confirmation', () => {
		const older = signed('2026-11-20T05:00:00.000Z', ['2026-11-05', '2026-11-20']);
		const newer = signed('2026-11-27T05:00:00.000Z', ['2026-11-05', '2026-11-20', '2026-11-27']);
		expect(monthConfirmationState([newer, older], ['2026-11-05', '2026-11-20', '2026-11-27'])).toEqual({ state: 'signed', confirmation: newer });
		expect(monthConfirmationState([older, newer], ['2026-11-05', '2026-11-20'])).toMatchObject({
			state: 'changed',
			confirmation: newer,
			removed: ['2026-11-27']
		});
	});
});

describe('isSignaturePath', () => {
	it('accepts moves and lines inside the pad', () => {
		expect(isSignaturePath('M10 20 L30 40 L50.5,60.25')).toBe(true);
		expect(isSignaturePath('M0 0L600 200')).toBe(true);
	});
	it('refuses anything else: no stroke, outside the pad, other commands, markup, too long', () => {
		expect(isSignaturePath('M10 20')).toBe(false);
		expect(isSignaturePath('')).toBe(false);
		expect(isSignaturePath('M10 20 L601 40')).toBe(false);
		expect(isSignaturePath('M10 20 L-1 40')).toBe(false);
		expect(isSignaturePath('M10 20 C30 40 50 60 70 80')).toBe(false);
		expect(isSignaturePath('M10 20 L30 40"/><script>')).toBe(false);
		expect(isSignaturePath(`M1 1${' L2 2'.repeat(5000)}`)).toBe(false);
	});
});

describe('claimSignatureOf', () => {
	it('keeps who signed and, for a 代理人, the relation and reason', () => {
		const c = {
			...signed('2026-11-26T05:00:00.000Z', ['2026-11-26']),
			signerKind: 'proxy' as const,
			signerName: '山田 太郎',
			proxyRelation: '長男',
			proxyReason: '本人が手を痛めて署名できないため'
		};
		expect(claimSignatureOf(c)).toEqual({
			signedOn: '2026-11-26',
			signerKind: 'proxy',
			signerName: '山田 太郎',
			proxyRelation: '長男',
			proxyReason: '本人が手を痛めて署名できないため',
			signatureKind: 'typed',
			signaturePath: null
		});
	});
});
