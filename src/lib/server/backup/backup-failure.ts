/** Why a backup or restore did not happen; each comes with a message an operator can act on. */
export type BackupFailureCode =
	| 'no_database'
	| 'not_found'
	| 'target_exists'
	| 'target_unwritable'
	| 'not_a_backup'
	| 'wrong_engine'
	| 'schema_too_new'
	| 'database_not_empty'
	| 'tool_missing'
	| 'tool_failed'
	| 'key_missing'
	| 'key_invalid'
	| 'failed';

/** Thrown inside this module only; `createBackup` and `restoreBackup` return it as a value. */
export class BackupFailure extends Error {
	constructor(
		readonly code: BackupFailureCode,
		message: string
	) {
		super(message);
		this.name = 'BackupFailure';
	}
}

export interface FailedOutcome {
	ok: false;
	code: BackupFailureCode;
	message: string;
}

export function failedOutcome(cause: unknown): FailedOutcome {
	if (cause instanceof BackupFailure) return { ok: false, code: cause.code, message: cause.message };
	// Anything else (the database is down, the disk is full) still reaches the operator as a sentence.
	const message = cause instanceof Error ? cause.message : String(cause);
	return { ok: false, code: 'failed', message };
}
