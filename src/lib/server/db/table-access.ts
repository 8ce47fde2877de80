import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Where the server code writes and reads each table, read from the source text: Kysely's
 * `insertInto('t')`, `updateTable('t')`, `deleteFrom('t')` (and `replaceInto`, `mergeInto`), its
 * `selectFrom('t')`, and INSERT/UPDATE/DELETE written inside a `sql` template. A builder given a
 * variable instead of a literal table name is a dynamic write: only the cross-cutting writers of
 * table-owners.ts may do that. table-owners.test.ts holds the code to the owners named there
 * (docs/architecture.md, "One owner per table").
 */

export type AccessKind = 'write' | 'read';

export interface TableAccess {
	/** Path below src/lib/server, with forward slashes, e.g. `intake/submit-intake.ts`. */
	file: string;
	/** The table, or null for a builder given a variable (a dynamic write). */
	table: string | null;
	kind: AccessKind;
	line: number;
}

const BUILDER = /\b(insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectFrom)\(\s*(?:(['"`])([a-z_][a-z0-9_]*)(?:\s+as\s+[a-z_]+)?\2|([^'"`\s)]))/g;
/** A common table expression named in the file (`.with('held', …)`): a `selectFrom('held')` reads it, not a table. */
const CTE_NAME = /\.with(?:Recursive)?\(\s*(['"`])([a-z_][a-z0-9_]*)\1/g;
const SQL_TEMPLATE = /\bsql(?:<[^>`]*>)?`([^`]*)`/g;
const SQL_WRITE = /\b(?:insert\s+into|delete\s+from)\s+"?([a-z_][a-z0-9_]*)"?|\bupdate\s+"?([a-z_][a-z0-9_]*)"?\s+set\b/gi;

function lineOf(source: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i += 1) if (source.charCodeAt(i) === 10) line += 1;
	return line;
}

/** The source with its comments blanked out (line breaks kept), so a comment never counts as a query. */
function withoutComments(source: string): string {
	const blank = (text: string) => text.replace(/[^\n]/g, ' ');
	return source.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/^(\s*)\/\/.*$/gm, (line, indent: string) => indent + blank(line.slice(indent.length)));
}

/** The table accesses in one file's source text. */
export function tableAccesses(file: string, text: string): TableAccess[] {
	const source = withoutComments(text);
	const accesses: TableAccess[] = [];
	const cteNames = new Set([...source.matchAll(CTE_NAME)].map((match) => match[2]!));
	for (const match of source.matchAll(BUILDER)) {
		const kind: AccessKind = match[1] === 'selectFrom' ? 'read' : 'write';
		const table = match[3] ?? null;
		// A `selectFrom` of a variable, a sub-query or a common table expression of the file is a read the owners rule does not follow.
		if ((table === null || cteNames.has(table)) && kind === 'read') continue;
		accesses.push({ file, table, kind, line: lineOf(source, match.index) });
	}
	for (const template of source.matchAll(SQL_TEMPLATE)) {
		for (const match of template[1]!.matchAll(SQL_WRITE)) {
			accesses.push({
				file,
				table: (match[1] ?? match[2])!.toLowerCase(),
				kind: 'write',
				line: lineOf(source, template.index + match.index)
			});
		}
	}
	return accesses;
}

/** The server's source files (tests left out), as paths below `root`. */
export function serverSourceFiles(root: string): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir)) {
			const path = join(dir, entry);
			if (statSync(path).isDirectory()) walk(path);
			else if (entry.endsWith('.ts') && !/\.test\.ts$|\.d\.ts$/.test(entry)) files.push(relative(root, path).split('\\').join('/'));
		}
	};
	walk(root);
	return files.sort();
}

/** Every table access in the server code below `root` (src/lib/server). */
export function serverTableAccesses(root: string): TableAccess[] {
	return serverSourceFiles(root).flatMap((file) => tableAccesses(file, readFileSync(join(root, file), 'utf8')));
}
