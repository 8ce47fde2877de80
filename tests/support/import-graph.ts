import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/*
 * The value imports between the application's own modules, read from the source text. Type-only
 * imports are left out: they vanish at build time and cannot make modules wait on each other.
 * docs/architecture.md says which layer may import which; the tests beside this file hold the
 * code to it.
 */

const SOURCE_EXTENSIONS = ['.ts', '.svelte', '.svelte.ts', '.js'];
const IMPORT_PATTERN = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

export interface ImportEdge {
	from: string;
	to: string;
	specifier: string;
}

export function sourceFiles(root: string): string[] {
	const files: string[] = [];
	for (const entry of readdirSync(root)) {
		const path = join(root, entry);
		if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
		else if (/\.(ts|svelte|js)$/.test(entry) && !/\.test\.ts$|\.testing\.ts$|\.d\.ts$/.test(entry)) files.push(path);
	}
	return files;
}

/** The specifiers a file imports for their values, in source order. */
export function valueImports(source: string): string[] {
	const specifiers: string[] = [];
	for (const match of source.matchAll(IMPORT_PATTERN)) {
		if (!match[2]) specifiers.push(match[3]!);
	}
	return specifiers;
}

function resolveFile(base: string): string | null {
	if (existsSync(base) && statSync(base).isFile()) return base;
	for (const extension of SOURCE_EXTENSIONS) if (existsSync(base + extension)) return base + extension;
	for (const extension of SOURCE_EXTENSIONS) if (existsSync(join(base, 'index' + extension))) return join(base, 'index' + extension);
	return null;
}

/** The file a specifier names inside the project, or null for a package or a generated module. */
export function resolveSpecifier(projectRoot: string, fromFile: string, specifier: string): string | null {
	if (specifier.startsWith('$lib/')) return resolveFile(resolve(projectRoot, 'src/lib', specifier.slice('$lib/'.length)));
	if (specifier.startsWith('.')) return resolveFile(resolve(dirname(fromFile), specifier.replace(/\.js$/, '')));
	return null;
}

export function importEdges(projectRoot: string, root: string): ImportEdge[] {
	const edges: ImportEdge[] = [];
	for (const file of sourceFiles(root)) {
		for (const specifier of valueImports(readFileSync(file, 'utf8'))) {
			const target = resolveSpecifier(projectRoot, file, specifier);
			if (target) edges.push({ from: relative(projectRoot, file), to: relative(projectRoot, target), specifier });
		}
	}
	return edges;
}

/** Every group of modules that import each other in a ring (Tarjan's strongly connected components). */
export function importCycles(edges: ImportEdge[]): string[][] {
	const next = new Map<string, string[]>();
	for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	const visit = (node: string) => {
		index.set(node, counter);
		low.set(node, counter);
		counter += 1;
		stack.push(node);
		onStack.add(node);
		for (const target of next.get(node) ?? []) {
			if (!index.has(target)) {
				visit(target);
				low.set(node, Math.min(low.get(node)!, low.get(target)!));
			} else if (onStack.has(target)) {
				low.set(node, Math.min(low.get(node)!, index.get(target)!));
			}
		}
		if (low.get(node) === index.get(node)) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				component.push(member);
			} while (member !== node);
			if (component.length > 1 || (next.get(node) ?? []).includes(node)) cycles.push(component.sort());
		}
	};
	for (const node of next.keys()) if (!index.has(node)) visit(node);
	return cycles;
}
