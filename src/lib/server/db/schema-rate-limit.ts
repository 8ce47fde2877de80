/* The request counts of the rate limits, shared by every app instance (issue 16, migration 0024). */

export interface RateLimitEntryTable {
	/** The policy counted: `bookingPerAddress`, `signInPerAccount` … (server/http/rate-limit.ts). */
	scope: string;
	/** SHA-256 of the address or account: the table names no one. */
	key_hash: string;
	/** When an accepted request arrived (ISO 8601, UTC). Rows older than the policy's window are removed. */
	at: string;
}

export interface RateLimitTables {
	rate_limit_entry: RateLimitEntryTable;
}
