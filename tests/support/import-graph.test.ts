import { describe, expect, it } from 'vitest';
import { importCycles, importEdges, valueImports, type ImportEdge } from './import-graph';

const PROJECT = process.cwd();
const edges = importEdges(PROJECT, `${PROJECT}/src`);

const edge = (from: string, to: string): ImportEdge => ({ from, to, specifier: to });

describe('reading imports', () => {
	it('keeps value imports, side-effect imports and re-exports, and leaves type-only imports out', () => {
		const source = [
			"import { a } from './a';",
			"import type { B } from './b';",
			'import {\n\tc,\n\td\n} from "../c";',
			"import './styles.css';",
			"export { e } from '$lib/e';",
			"export type { F } from './f';"
		].join('\n');
		expect(valueImports(source)).toEqual(['./a', '../c', './styles.css', '$lib/e']);
	});

	it('finds a ring of any length and a module importing itself, and nothing in a chain', () => {
		expect(importCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
		expect(importCycles([edge('a', 'a')])).toEqual([['a']]);
		expect(importCycles([edge('a', 'b'), edge('b', 'c'), edge('a', 'c')])).toEqual([]);
	});
});

describe('the layers of docs/architecture.md', () => {
	it('reads the application (the graph is not empty)', () => {
		expect(edges.length).toBeGreaterThan(1000);
	});

	it('has no import cycle', () => {
		expect(importCycles(edges)).toEqual([]);
	});

	it('keeps the domain free of the server, the framework and the pages', () => {
		const outward = edges.filter((e) => e.from.startsWith('src/lib/domain/') && !e.to.startsWith('src/lib/domain/'));
		expect(outward.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
	});
});
