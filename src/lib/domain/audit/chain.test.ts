import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chainInput, compareWithHead, findChainProblems, GENESIS_HASH, rowHash, type ChainedRow, type ChainHashers } from './chain';

const hashersFor = (key: string): ChainHashers => ({
	plain: (input) => createHash('sha256').update(input).digest('hex'),
	keyed: (input) => createHmac('sha256', key).update(input).digest('hex')
});
const hashers = hashersFor('the server key');

function fields(i: number) {
	return {
		id: `row-${i}`,
		at: `2030-01-01T00:00:0${i % 10}.000Z`,
		actor_type: 'system',
		actor_id: null,
		action: 'test.write',
		entity_type: 'thing',
		entity_id: `t${i}`,
		patient_id: null,
		ip: null,
		request_id: null,
		detail: null
	};
}

/** `plainRows` rows written before keying, then `keyedRows` keyed ones. */
function chain(plainRows: number, keyedRows: number): ChainedRow[] {
	const rows: ChainedRow[] = [];
	let prev = GENESIS_HASH;
	for (let i = 0; i < plainRows + keyedRows; i++) {
		const row = fields(i);
		const hash = i < plainRows ? hashers.plain(chainInput(prev, row)) : rowHash(prev, row, hashers);
		rows.push({ ...row, seq: i + 1, prev_hash: prev, hash });
		prev = hash;
	}
	return rows;
}

describe('the audit chain', () => {
	it('verifies old plain rows followed by keyed rows', () => {
		expect(findChainProblems(chain(3, 4), hashers)).toEqual([]);
		expect(chain(0, 2)[0]!.hash).toMatch(/^k1:[0-9a-f]{64}$/);
	});

	it('reports a changed keyed row, even when its hash was recomputed without the key', () => {
		const rows = chain(2, 4);
		rows[3] = { ...rows[3]!, entity_id: 'forged' };
		expect(findChainProblems(rows, hashers)).toEqual([{ kind: 'changed', seq: '4' }]);
		// A forger recomputes a plain hash for the row and relinks the next: a downgrade.
		const forged = chain(2, 4);
		forged[3] = { ...forged[3]!, entity_id: 'forged' };
		forged[3]!.hash = hashers.plain(chainInput(forged[3]!.prev_hash, forged[3]!));
		forged[4] = { ...forged[4]!, prev_hash: forged[3]!.hash };
		expect(findChainProblems(forged, hashers).map((p) => p.kind)).toEqual(['downgraded', 'changed']);
	});

	it('reports a removed middle row as a broken link', () => {
		const rows = chain(1, 5);
		rows.splice(2, 1);
		expect(findChainProblems(rows, hashers)).toEqual([{ kind: 'broken_link', seq: '4' }]);
	});

	it('reports one wrong key instead of every keyed row', () => {
		expect(findChainProblems(chain(2, 5), hashersFor('another key'))).toEqual([{ kind: 'wrong_key', rows: 5 }]);
		expect(findChainProblems(chain(2, 1), hashersFor('another key'))).toEqual([{ kind: 'changed', seq: '3' }]);
	});

	it('compares the newest rows with the head file', () => {
		const rows = chain(0, 5);
		const head = { seq: '5', hash: rows[4]!.hash };
		expect(compareWithHead(rows[4], head)).toEqual([]);
		expect(compareWithHead(undefined, head)).toEqual([{ kind: 'newest_removed', seq: '5' }]);
		expect(compareWithHead({ hash: 'k1:other' }, head)).toEqual([{ kind: 'head_mismatch', seq: '5' }]);
	});
});
