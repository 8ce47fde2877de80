import { describe, expect, it } from 'vitest';
import { en } from '$lib/i18n/messages/en';
import { ja } from '$lib/i18n/messages/ja';
import { PACKAGE_REFUSAL_LABELS, refusalLabel } from './package-refusal-labels';
import { PLAN_REFUSAL_LABELS } from './plan-refusal-labels';

/*
 * Each label map names its keys literally (issue #21), so the type checker holds every member of
 * its union to a label and the page build ships exactly those keys. Here: each key is a message
 * in both catalogues, so no page shows a raw key in either language.
 */
const modules = import.meta.glob<Record<string, unknown>>('./*-labels.ts', { eager: true });
const maps = Object.entries(modules).flatMap(([file, module]) =>
	Object.entries(module)
		.filter((entry): entry is [string, Record<string, string>] => typeof entry[1] === 'object' && entry[1] !== null)
		.map(([name, map]) => ({ name: `${file.slice(2)} ${name}`, map }))
);

describe('label maps', () => {
	it('are found in src/lib/labels', () => {
		expect(maps.length).toBeGreaterThan(60);
	});

	it.each(maps)('$name: every member has a message in Japanese and English', ({ map }) => {
		const keys = Object.values(map);
		expect(keys.length).toBeGreaterThan(0);
		expect(keys.filter((key) => !(key in ja))).toEqual([]);
		expect(keys.filter((key) => !(key in en))).toEqual([]);
		expect(keys.filter((key) => !ja[key as keyof typeof ja]?.trim() || !en[key as keyof typeof en]?.trim())).toEqual([]);
	});
});

describe('refusalLabel', () => {
	it('labels a known refusal code and gives null for text that is not one', () => {
		expect(refusalLabel(PACKAGE_REFUSAL_LABELS, 'none_left')).toBe('packages.refusal.none_left');
		expect(refusalLabel(PLAN_REFUSAL_LABELS, 'already_stopped')).toBe('packagePlans.refusal.already_stopped');
		expect(refusalLabel(PLAN_REFUSAL_LABELS, 'nothing_to_refund')).toBeNull();
		expect(refusalLabel(PACKAGE_REFUSAL_LABELS, 'toString')).toBeNull();
		expect(refusalLabel(PACKAGE_REFUSAL_LABELS, '')).toBeNull();
		expect(refusalLabel(PACKAGE_REFUSAL_LABELS, null)).toBeNull();
	});
});
