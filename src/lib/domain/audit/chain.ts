/*
 * The audit log is a hash chain: each row's hash covers its own fields and the previous row's
 * hash, so changing or removing a row breaks every hash after it (issue #3, "Trust it").
 * Pure: the hash function is passed in, so this runs anywhere and tests need no I/O.
 */

export const GENESIS_HASH = '0'.repeat(64);

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

export type ChainProblem =
	| { kind: 'changed'; seq: string }
	| { kind: 'broken_link'; seq: string };

/** Walks rows in `seq` order; reports each row whose hash or link does not hold. */
export function findChainProblems(
	rows: Iterable<ChainedRow>,
	hash: (input: string) => string,
	startHash = GENESIS_HASH
): ChainProblem[] {
	const problems: ChainProblem[] = [];
	let expectedPrev = startHash;
	for (const row of rows) {
		const seq = String(row.seq);
		if (row.prev_hash !== expectedPrev) problems.push({ kind: 'broken_link', seq });
		if (hash(chainInput(row.prev_hash, row)) !== row.hash) problems.push({ kind: 'changed', seq });
		expectedPrev = row.hash;
	}
	return problems;
}
