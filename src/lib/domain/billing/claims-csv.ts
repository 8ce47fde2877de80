/*
 * CSV for the monthly 療養費 claim data and the report tables. Excel in Japan reads a file without
 * a byte-order mark as Shift_JIS and garbles every kana, so each file starts with a UTF-8 BOM;
 * lines end in CRLF as Excel writes them (RFC 4180).
 */

export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | null;

/** Text a spreadsheet would run as a formula (`=HYPERLINK(…)`) is kept as text by a leading quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: quoted when it holds a comma, a quote or a line break, with quotes doubled. */
export function csvField(value: CsvValue): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, the header row, then one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	return UTF8_BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export interface ClaimFeeItem {
	name: string;
	amountJpy: number;
}

/** One insured visit, as the claim lists it. Amounts are integer yen. */
export interface ClaimVisit {
	patientNumber: string | null;
	nameKana: string;
	insurerNumber: string;
	insuranceSymbol: string;
	insuranceNumber: string;
	consentSignedOn: string | null;
	visitDate: string;
	feeItems: readonly ClaimFeeItem[];
	insuranceFeeJpy: number;
	sharePercent: number | null;
	patientShareJpy: number;
	claimJpy: number;
}

export const CLAIM_COLUMNS = [
	'patientNumber',
	'nameKana',
	'insurerNumber',
	'symbol',
	'number',
	'consentSignedOn',
	'visitDate',
	'feeItems',
	'insuranceFee',
	'sharePercent',
	'patientShare',
	'claim'
] as const;
export type ClaimColumn = (typeof CLAIM_COLUMNS)[number];

/** Grouped by insurer (each insurer is claimed separately), then patient and day. */
export function sortClaimVisits(visits: readonly ClaimVisit[]): ClaimVisit[] {
	return [...visits].sort(
		(a, b) =>
			a.insurerNumber.localeCompare(b.insurerNumber) ||
			a.nameKana.localeCompare(b.nameKana, 'ja') ||
			(a.patientNumber ?? '').localeCompare(b.patientNumber ?? '') ||
			a.visitDate.localeCompare(b.visitDate)
	);
}

/** The claim file; `label` names each column in the reader's language. */
export function claimsCsv(visits: readonly ClaimVisit[], label: (column: ClaimColumn) => string): string {
	const rows = sortClaimVisits(visits).map((v) => [
		v.patientNumber,
		v.nameKana,
		v.insurerNumber,
		v.insuranceSymbol,
		v.insuranceNumber,
		v.consentSignedOn,
		v.visitDate,
		v.feeItems.map((item) => `${item.name} ${item.amountJpy}`).join(' / '),
		v.insuranceFeeJpy,
		v.sharePercent,
		v.patientShareJpy,
		v.claimJpy
	]);
	return toCsv(CLAIM_COLUMNS.map(label), rows);
}
