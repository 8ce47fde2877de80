import fs from 'node:fs';
import path from 'node:path';
import type { ChainHead } from '../../domain/audit/chain';
import type { AppConfig } from '../config';
import type { Db } from '../db/database';
import { logger } from '../log';
import { currentAuditHead } from './audit-log';

/*
 * The chain proves that no row was changed or removed from its middle, but a log cut short at its
 * end is still a valid chain. So the server writes the newest row's number and hash to a file
 * outside the database (issue 16): whoever can edit the database cannot rewind the file, and
 * `npm run audit:verify` compares the two.
 */

/** Rows written after the last write of the file and then removed go unnoticed: keep that short. */
export const AUDIT_HEAD_EVERY_MS = 60_000;

export interface AuditHeadFile extends ChainHead {
	/** When the file was written. */
	writtenAt: string;
}

/** `AUDIT_HEAD_FILE`, else `audit-head.json` in DATA_DIR. */
export function auditHeadFileOf(config: Pick<AppConfig, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): string {
	return path.resolve(env.AUDIT_HEAD_FILE || path.join(config.dataDir, 'audit-head.json'));
}

export function readAuditHead(file: string): AuditHeadFile | null {
	if (!fs.existsSync(file)) return null;
	const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<AuditHeadFile>;
	if (typeof parsed.seq !== 'string' || typeof parsed.hash !== 'string') throw new Error(`${file} is not an audit head file`);
	return { seq: parsed.seq, hash: parsed.hash, writtenAt: String(parsed.writtenAt ?? '') };
}

export type WriteHeadOutcome = 'written' | 'unchanged' | 'empty' | 'behind';

/**
 * Writes the newest row to the file (0600, replaced atomically). Never moves it back: a table with
 * fewer rows than the file names has lost rows, and overwriting the file would erase the evidence.
 */
export async function writeAuditHead(db: Db, file: string, now = db.clock.now()): Promise<WriteHeadOutcome> {
	const head = await currentAuditHead(db);
	if (!head) return 'empty';
	const previous = readAuditHead(file);
	if (previous && BigInt(previous.seq) > BigInt(head.seq)) {
		logger.error({ file, fileSeq: previous.seq, tableSeq: head.seq }, 'audit log has fewer rows than its head file: run npm run audit:verify');
		return 'behind';
	}
	if (previous && previous.seq === head.seq && previous.hash === head.hash) return 'unchanged';
	const temporary = `${file}.${process.pid}.tmp`;
	const content: AuditHeadFile = { ...head, writtenAt: now.toISOString() };
	fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
	fs.writeFileSync(temporary, `${JSON.stringify(content)}\n`, { mode: 0o600 });
	fs.renameSync(temporary, file);
	return 'written';
}

let timer: NodeJS.Timeout | undefined;

/** Writes the head file now and then every AUDIT_HEAD_EVERY_MS while the server runs. */
export function startAuditHeadWriter(db: Db, file: string, everyMs = AUDIT_HEAD_EVERY_MS): void {
	const write = () => void writeAuditHead(db, file).catch((cause) => logger.error({ err: (cause as Error).message }, 'audit head file not written'));
	write();
	timer ??= setInterval(write, everyMs);
	timer.unref();
}

export async function stopAuditHeadWriter(db: Db, file: string): Promise<void> {
	if (timer) clearInterval(timer);
	timer = undefined;
	// A last write at shutdown: the rows of the final minute are covered too.
	await writeAuditHead(db, file).catch(() => undefined);
}
