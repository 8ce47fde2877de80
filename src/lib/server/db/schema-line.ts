/* Reminder answers and LINE as a channel (issues #17 and #20, migration 0032). */

/** 'mail', 'line' or 'both': which channels the patient chose; without a link only mail exists. */
export type { NotificationChannels } from '../../domain/messaging/channels';
import type { NotificationChannels } from '../../domain/messaging/channels';

export interface LineLinkTable {
	patient_id: string;
	/** The LINE user id (personal data): audited, exported, removed on disconnect and deletion. */
	line_user_id: string;
	channels: NotificationChannels;
	/** The version of the "notifications by LINE" consent the patient gave. */
	consent_version: string;
	linked_at: string;
}

export interface LineLoginAttemptTable {
	/** The OAuth `state`: random, used once, bound to the portal patient who started it. */
	state: string;
	patient_id: string;
	nonce: string;
	/** The PKCE code verifier, sealed under the server key. */
	code_verifier: string;
	/** The follow greeting's one-time link this attempt came from, if any (SHA-256). */
	connect_token_hash: string | null;
	consent_version: string;
	expires_at: string;
	used_at: string | null;
}

export interface LineConnectTokenTable {
	/** SHA-256 of the token in the follow greeting's link. */
	token_hash: string;
	line_user_id: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface LineWebhookEventTable {
	webhook_event_id: string;
	received_at: string;
}

export interface LineDeliveryFailureTable {
	id: string;
	patient_id: string;
	message_kind: string;
	error: string;
	fell_back_to_mail: number;
	failed_at: string;
}

export interface LineTables {
	line_link: LineLinkTable;
	line_login_attempt: LineLoginAttemptTable;
	line_connect_token: LineConnectTokenTable;
	line_webhook_event: LineWebhookEventTable;
	line_delivery_failure: LineDeliveryFailureTable;
}
