import { expect } from 'vitest';
import { en } from '$lib/i18n/messages/en';
import { ja } from '$lib/i18n/messages/ja';

/**
 * A typed label map (issue #21) labels each member of its domain list, no more, with a key both
 * catalogues hold, and no two members alike (a copied line would name two codes the same).
 */
export function expectLabelsEach<M extends string | number>(members: readonly M[], labels: Readonly<Record<M, string>>): void {
	expect(Object.keys(labels).sort()).toEqual([...new Set(members.map(String))].sort());
	const keys = members.map((m) => labels[m]);
	expect(keys.filter((key) => !(key in ja) || !(key in en))).toEqual([]);
	expect(new Set(keys).size).toBe(new Set(members).size);
}
