/* Home visits and calls of insured charges (issue #19, migration 0045). */
import type { Generated } from 'kysely';
import type { HomeVisitTier } from '../../domain/jukyo-claim/fees';

/** An insured visit given at the patient's home: 訪問施術 with its tier, or 往療 (docs/jukyo-claim.md §1, §3). */
export interface ChargeHomeVisitTable {
	charge_id: string;
	kind: 'home_visit' | 'house_call';
	/** 訪問施術料 tier; null for 往療. */
	tier: HomeVisitTier | null;
	special_area: Generated<number>;
	/** 往療又は訪問の理由: 1 cannot go out alone, 2 a disability, 3 other. */
	reason: 1 | 2 | 3;
}

export interface JukyoMonthTables {
	charge_home_visit: ChargeHomeVisitTable;
}
