import type { Generated } from 'kysely';

/* The waiting list (issue #17, migration 0029). */

export interface WaitlistEntryTable {
	id: string;
	patient_id: string;
	service_id: string;
	practitioner_id: string | null;
	/** Clinic-local dates (YYYY-MM-DD), both included. */
	date_from: string;
	date_to: string;
	/** JSON `[{ weekday, start, end }]`, clinic-local; `[]`: any time. */
	times: Generated<string>;
	locale: 'ja' | 'en';
	status: 'waiting' | 'booked' | 'left';
	source: 'online' | 'desk';
	manage_token_hash: string;
	appointment_id: string | null;
	created_at: string;
	closed_at: string | null;
}

export interface WaitlistOfferTable {
	id: string;
	entry_id: string;
	appointment_id: string;
	practitioner_id: string;
	starts_at: string;
	status: 'offered' | 'accepted' | 'declined' | 'expired';
	token_hash: string;
	created_at: string;
	expires_at: string;
	answered_at: string | null;
}

export interface WaitlistTables {
	waitlist_entry: WaitlistEntryTable;
	waitlist_offer: WaitlistOfferTable;
}
