/* Cancellation policy, its fees and recall invitations (issue #17, migration 0031). */
import type { Generated } from 'kysely';

/** One saved version of the clinic's policy; a change writes a new version. */
export interface CancellationPolicyTable {
	id: string;
	clinic_id: string;
	version: number;
	/** Cancelling is free until this many hours before the visit. */
	free_until_hours: number;
	/** 0: no fee. */
	late_fee_jpy: number;
	no_show_fee_jpy: number;
	note_ja: Generated<string>;
	note_en: Generated<string>;
	created_at: string;
	created_by: string;
}

export type CancellationFeeKind = 'late_cancellation' | 'no_show';

export interface CancellationFeeTable {
	id: string;
	clinic_id: string;
	patient_id: string;
	appointment_id: string;
	kind: CancellationFeeKind;
	amount_jpy: number;
	policy_version: number;
	created_at: string;
	/** Null when the patient cancelled late themselves. */
	created_by_staff_id: string | null;
}

export interface CancellationFeeSettlementTable {
	fee_id: string;
	outcome: 'collected' | 'waived';
	/** The charge that collected it (with its payment); null when waived. */
	charge_id: string | null;
	reason: Generated<string>;
	settled_at: string;
	settled_by: string;
}

export interface RecallInvitationTable {
	id: string;
	patient_id: string;
	channel: string;
	sent_at: string;
	sent_by: string;
}

export interface CancellationRecallTables {
	cancellation_policy: CancellationPolicyTable;
	cancellation_fee: CancellationFeeTable;
	cancellation_fee_settlement: CancellationFeeSettlementTable;
	recall_invitation: RecallInvitationTable;
}
