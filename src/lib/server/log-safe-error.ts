/**
 * What a log line may say about an error (issue 16). A database error's `detail`, `where` and
 * parameters carry the values of the row (PostgreSQL: "Key (email)=(someone@example.jp) already
 * exists"), and an SMTP error names its recipients: neither may reach a log, which is read by
 * more people and kept longer than the record. Kept: the kind of error, its code, a message with
 * any address masked, and the stack (code locations only).
 */
export interface SafeError {
	type: string;
	message: string;
	code?: string;
	stack?: string;
}

const ADDRESS = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;
/** PostgreSQL quotes the offending values in messages such as `Key (x)=(y)`; keep the column, mask the value. */
const KEY_VALUE = /\)=\([^)]*\)/g;

export function maskPersonalData(text: string): string {
	return text.replace(ADDRESS, '[address]').replace(KEY_VALUE, ')=([value])');
}

export function safeError(cause: unknown): SafeError {
	if (!(cause instanceof Error)) return { type: typeof cause, message: maskPersonalData(String(cause)) };
	const code = (cause as { code?: unknown }).code;
	return {
		type: cause.name,
		message: maskPersonalData(cause.message),
		...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
		...(cause.stack ? { stack: maskPersonalData(cause.stack) } : {})
	};
}
