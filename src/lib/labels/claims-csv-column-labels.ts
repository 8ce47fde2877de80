import type { ClaimColumn } from '$lib/domain/billing/claims-csv';
import type { MessageKey } from '$lib/i18n/translate';

/** The columns of the 療養費 claims CSV. */

export const CLAIMS_CSV_COLUMN_LABELS: Record<ClaimColumn, MessageKey> = {
	patientNumber: 'insurance.csv.patientNumber',
	nameKana: 'insurance.csv.nameKana',
	insurerNumber: 'insurance.csv.insurerNumber',
	symbol: 'insurance.csv.symbol',
	number: 'insurance.csv.number',
	consentSignedOn: 'insurance.csv.consentSignedOn',
	visitDate: 'insurance.csv.visitDate',
	feeItems: 'insurance.csv.feeItems',
	insuranceFee: 'insurance.csv.insuranceFee',
	sharePercent: 'insurance.csv.sharePercent',
	patientShare: 'insurance.csv.patientShare',
	claim: 'insurance.csv.claim'
};
