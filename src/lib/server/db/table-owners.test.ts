import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { importEdges } from '../../../../tests/support/import-graph';
import { serverTableAccesses, tableAccesses, type TableAccess } from './table-access';
import { CROSS_CUTTING_READERS, CROSS_CUTTING_WRITERS, TABLE_OWNERS, TEST_FIXTURE_FILE, WRITTEN_BY_MIGRATION_ONLY, type Table } from './table-owners';

const PROJECT = process.cwd();
const SERVER = join(PROJECT, 'src/lib/server');
const accesses = serverTableAccesses(SERVER);
const where = (a: TableAccess) => `${a.file}:${a.line}`;
const moduleOf = (file: string) => file.split('/')[0]!;

function crossCuttingWriter(file: string) {
	return CROSS_CUTTING_WRITERS.find((writer) => (writer.path.endsWith('/') ? file.startsWith(writer.path) : file === writer.path));
}

/** Whether the write is the owner's, a declared cross-cutting writer's or a fixture's. */
function allowedWrite(access: TableAccess): boolean {
	if (TEST_FIXTURE_FILE.test(access.file)) return true;
	const writer = crossCuttingWriter(access.file);
	if (access.table === null) return writer?.dynamic === true;
	if (writer && (writer.tables === 'any' || writer.tables.includes(access.table as Table))) return true;
	return TABLE_OWNERS[access.table as Table] === access.file;
}

const writes = accesses.filter((a) => a.kind === 'write');
const strayWrites = writes.filter((a) => !allowedWrite(a));
/** Whether a read is by the owner's capability, a declared cross-cutting reader or writer, or a fixture. */
function allowedRead(access: TableAccess): boolean {
	const table = access.table as Table;
	if (TEST_FIXTURE_FILE.test(access.file) || crossCuttingWriter(access.file)) return true;
	if (CROSS_CUTTING_READERS.some((reader) => reader.path === access.file && reader.tables.includes(table))) return true;
	return moduleOf(access.file) === moduleOf(TABLE_OWNERS[table]);
}

const strayReads = accesses.filter((a) => a.kind === 'read' && a.table !== null && a.table in TABLE_OWNERS && !allowedRead(a));

describe('reading the queries from the source', () => {
	it('finds builders over several lines, with an alias, and writes inside sql text, and skips comments and common table expressions', () => {
		const source = [
			"// db.insertInto('commented')",
			"await tx.kysely\n\t.insertInto(\n\t\t'intake'\n\t)",
			"db.updateTable('patient').set({})",
			"db.deleteFrom(table).where('a', '=', 1)",
			"db.selectFrom('appointment as a').selectAll()",
			"db.with('bed', (q) => q.insertInto('occupancy').values(rows)).selectFrom('bed')",
			'sql`update job set done_at = ${now} where id in (select id from job for update skip locked)`',
			'sql`INSERT INTO "counter" (name) values (\'x\')`'
		].join('\n');
		expect(tableAccesses('x.ts', source).map((a) => `${a.kind} ${a.table} ${a.line}`)).toEqual([
			'write intake 3',
			'write patient 6',
			'write null 7',
			'read appointment 8',
			'write occupancy 9',
			'write job 10',
			'write counter 11'
		]);
	});

	it('reads the server (the scan is not empty)', () => {
		expect(writes.length).toBeGreaterThan(200);
		expect(writes.map((a) => a.table)).toContain('treatment_session');
	});
});

describe('one owner per table (docs/architecture.md)', () => {
	it('writes each owned table only in its repository, a declared cross-cutting writer or a test fixture', () => {
		expect(
			strayWrites.map((a) => `${where(a)} writes ${a.table ?? 'a table named by a variable'}, owned by ${a.table ? TABLE_OWNERS[a.table as Table] : '?'}`)
		).toEqual([]);
	});

	it('writes only tables the schema has', () => {
		expect(writes.filter((a) => a.table !== null && !(a.table in TABLE_OWNERS)).map(where)).toEqual([]);
	});

	it('has a repository file for every owned table, and the repository writes it', () => {
		const owned = (Object.keys(TABLE_OWNERS) as Table[]).filter((table) => !WRITTEN_BY_MIGRATION_ONLY.includes(table));
		const missing = owned.filter((table) => !writes.some((a) => a.table === table && a.file === TABLE_OWNERS[table]));
		expect(missing.map((table) => `${table}: ${TABLE_OWNERS[table]}`)).toEqual([]);
	});

	it("reads a table outside its owner's capability only through the owner's functions", () => {
		expect(strayReads.map((a) => `${where(a)} reads ${a.table}, owned by ${TABLE_OWNERS[a.table as Table]}`)).toEqual([]);
	});

	it('lets only tests and other fixtures import a test fixture', () => {
		const fixtures = (edge: { to: string }) => edge.to.startsWith('src/lib/server/') && TEST_FIXTURE_FILE.test(edge.to);
		const importers = [...importEdges(PROJECT, join(PROJECT, 'src')), ...importEdges(PROJECT, join(PROJECT, 'scripts'))]
			.filter(fixtures)
			.map((edge) => edge.from);
		expect(importers.length).toBeGreaterThan(0);
		expect(importers.filter((from) => !TEST_FIXTURE_FILE.test(from))).toEqual([]);
	});
});

describeEachDatabase('the owners cover the schema', (db) => {
	it('names an owner for every table of the database, and none that is not there', async () => {
		const tables = (await db().kysely.introspection.getTables()).map((t) => t.name).filter((name) => !name.startsWith('kysely_'));
		expect(Object.keys(TABLE_OWNERS).sort()).toEqual(tables.sort());
	});
});
