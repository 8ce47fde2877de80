/*
 * The audit log is a hash chain: each row's hash covers its own fields and the previous row's
 * hash, so changing or removing a row breaks every hash after it (issue #3, "Trust it").
 * Since issue 16 a row's hash is keyed (HMAC-SHA-256 under the server key), marked by the prefix
 * `k1:`: anyone can recompute a plain SHA-256 chain after editing the database, nobody can
 * recompute a keyed one without the key. Rows written before keep their plain hash and are still
 * verified; once a keyed row appears, every later row must be keyed (no downgrade).
 * Pure: the hash functions are passed in, so this runs anywhere and tests need no I/O.
 */

export const GENESIS_HASH = '0'.repeat(64);
export const KEYED_PREFIX = 'k1:';

export interface ChainedFields {
	id: string;
	at: string;
	actor_type: string;
	actor_id: string | null;
	action: string;
	entity_type: string | null;
	entity_id: string | null;
	patient_id: string | null;
	ip: string | null;
	request_id: string | null;
	detail: string | null;
}

export interface ChainedRow extends ChainedFields {
	seq: number | string;
	prev_hash: string;
	hash: string;
}

export interface ChainHashers {
	/** SHA-256, hex: rows written before the chain was keyed. */
	plain: (input: string) => string;
	/** HMAC-SHA-256 under the server key, hex. */
	keyed: (input: string) => string;
}

export function chainInput(prevHash: string, row: ChainedFields): string {
	return [
		prevHash,
		JSON.stringify([
			row.id,
			row.at,
			row.actor_type,
			row.actor_id,
			row.action,
			row.entity_type,
			row.entity_id,
			row.patient_id,
			row.ip,
			row.request_id,
			row.detail
		])
	].join('\n');
}

/** The hash a new row gets: always keyed. */
export function rowHash(prevHash: string, row: ChainedFields, hashers: ChainHashers): string {
	return KEYED_PREFIX + hashers.keyed(chainInput(prevHash, row));
}

export type ChainProblem =
	/** The row's contents do not match its hash. */
	| { kind: 'changed'; seq: string }
	/** The row does not follow the one before it: a row between was changed or removed. */
	| { kind: 'broken_link'; seq: string }
	/** A plain hash after keyed ones: the row was rewritten by someone without the key. */
	| { kind: 'downgraded'; seq: string }
	/** Not one keyed row matches: verified with another key than the one that wrote them. */
	| { kind: 'wrong_key'; rows: number }
	/** The head file names a row the table no longer has: the newest rows were removed. */
	| { kind: 'newest_removed'; seq: string }
	/** The row the head file names has another hash: rewritten since the head was written. */
	| { kind: 'head_mismatch'; seq: string };

/** Walks rows in `seq` order; reports each row whose hash or link does not hold. */
export function findChainProblems(rows: Iterable<ChainedRow>, hashers: ChainHashers, startHash = GENESIS_HASH): ChainProblem[] {
	const problems: ChainProblem[] = [];
	let expectedPrev = startHash;
	let keyedSeen = 0;
	const keyedFailed = new Set<ChainProblem>();
	for (const row of rows) {
		const seq = String(row.seq);
		if (row.prev_hash !== expectedPrev) problems.push({ kind: 'broken_link', seq });
		const input = chainInput(row.prev_hash, row);
		if (row.hash.startsWith(KEYED_PREFIX)) {
			keyedSeen++;
			if (KEYED_PREFIX + hashers.keyed(input) !== row.hash) {
				const problem: ChainProblem = { kind: 'changed', seq };
				keyedFailed.add(problem);
				problems.push(problem);
			}
		} else if (keyedSeen > 0) problems.push({ kind: 'downgraded', seq });
		else if (hashers.plain(input) !== row.hash) problems.push({ kind: 'changed', seq });
		expectedPrev = row.hash;
	}
	// Not one of several keyed rows matching: one wrong key (or every row forged), not thousands of
	// problems. A single keyed row that fails is reported as changed: one row cannot tell the two apart.
	if (keyedSeen > 1 && keyedFailed.size === keyedSeen) return [...problems.filter((p) => !keyedFailed.has(p)), { kind: 'wrong_key', rows: keyedSeen }];
	return problems;
}

/** The newest row the server had seen when it last wrote its head file. */
export interface ChainHead {
	seq: string;
	hash: string;
}

/** Compares the table with the head file: the chain alone cannot tell that its newest rows are gone. */
export function compareWithHead(rowAtHead: { hash: string } | undefined, head: ChainHead): ChainProblem[] {
	if (!rowAtHead) return [{ kind: 'newest_removed', seq: head.seq }];
	if (rowAtHead.hash !== head.hash) return [{ kind: 'head_mismatch', seq: head.seq }];
	return [];
}
