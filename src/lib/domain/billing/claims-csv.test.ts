import { describe, expect, it } from 'vitest';
import { claimsCsv, csvField, toCsv, UTF8_BOM, type ClaimVisit } from './claims-csv';

const visit = (over: Partial<ClaimVisit>): ClaimVisit => ({
	patientNumber: 'P-0001',
	nameKana: 'ヤマダ タロウ',
	insurerNumber: '06130012',
	insuranceSymbol: '12',
	insuranceNumber: '345',
	consentSignedOn: '2027-04-01',
	visitDate: '2027-05-10',
	feeItems: [
		{ name: '初検料（1術）', amountJpy: 1950 },
		{ name: '施術料（1術）', amountJpy: 1610 }
	],
	insuranceFeeJpy: 3560,
	sharePercent: 30,
	patientShareJpy: 1068,
	claimJpy: 2492,
	...over
});

describe('csvField', () => {
	it('quotes commas, quotes and line breaks and doubles the quotes', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('line\nbreak')).toBe('"line\nbreak"');
		expect(csvField('plain カナ')).toBe('plain カナ');
	});

	it('writes numbers as digits and null as an empty field', () => {
		expect(csvField(1068)).toBe('1068');
		expect(csvField(null)).toBe('');
	});

	it('keeps text that looks like a formula from running in a spreadsheet', () => {
		expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvField('@SUM')).toBe("'@SUM");
	});
});

describe('toCsv', () => {
	it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
		const csv = toCsv(['a', 'b'], [[1, 'x,y']]);
		expect(csv.startsWith(UTF8_BOM)).toBe(true);
		expect(csv).toBe(`${UTF8_BOM}a,b\r\n1,"x,y"\r\n`);
		expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	});
});

describe('claimsCsv', () => {
	it('writes one row per visit, grouped by insurer, with the fee items in one field', () => {
		const csv = claimsCsv(
			[
				visit({ insurerNumber: '39131015', visitDate: '2027-05-03', nameKana: 'スズキ ハナコ' }),
				visit({ visitDate: '2027-05-17' }),
				visit({ visitDate: '2027-05-10' })
			],
			(c) => c
		);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe('patientNumber,nameKana,insurerNumber,symbol,number,consentSignedOn,visitDate,feeItems,insuranceFee,sharePercent,patientShare,claim');
		expect(lines[1]).toBe('P-0001,ヤマダ タロウ,06130012,12,345,2027-04-01,2027-05-10,初検料（1術） 1950 / 施術料（1術） 1610,3560,30,1068,2492');
		expect(lines[2]).toContain('2027-05-17');
		expect(lines[3]).toContain('39131015');
		expect(lines).toHaveLength(5);
		expect(lines[4]).toBe('');
	});
});
