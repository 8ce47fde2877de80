/** Dated 療養費 fees and consent rules for the monthly 受領委任 claim (0038, issue #19). */
export interface JukyoFeeVersionTable {
	id: string;
	effective_from: string;
	share_rounding: 'yen_half_up' | 'ten_yen_half_up';
	source: string;
	created_at: string;
	/** Null for a version seeded by the migration. */
	created_by: string | null;
}

export interface JukyoFeeItemTable {
	version_id: string;
	/** A FeeItemCode (domain/jukyo-claim/fees.ts). */
	code: string;
	amount_jpy: number;
}

export interface JukyoConsentRuleTable {
	id: string;
	effective_from: string;
	early_until_day: number;
	months_after_if_early: number;
	months_after_if_late: number;
	source: string;
	created_at: string;
	created_by: string | null;
}

export interface JukyoClaimTables {
	jukyo_fee_version: JukyoFeeVersionTable;
	jukyo_fee_item: JukyoFeeItemTable;
	jukyo_consent_rule: JukyoConsentRuleTable;
}
