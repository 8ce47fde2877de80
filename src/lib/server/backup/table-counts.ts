import { sql, type Kysely } from 'kysely';
import { formatNumber } from '../../format';

export interface TableCount {
	table: string;
	rows: number;
}

/**
 * Rows in every table, Kysely's migration bookkeeping included, sorted by name. Inside a
 * transaction the counts come from its snapshot, which is how a backup reports what it holds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- counts any table, of any schema version
export async function countTableRows(db: Kysely<any>): Promise<TableCount[]> {
	const tables = (await db.introspection.getTables({ withInternalKyselyTables: true })).filter((t) => !t.isView);
	const counts: TableCount[] = [];
	for (const table of tables) {
		const qualified = table.schema && table.schema !== 'public' ? `${table.schema}.${table.name}` : table.name;
		const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(qualified)}`.execute(db);
		counts.push({ table: qualified, rows: Number(rows[0]!.n) });
	}
	return counts.sort((a, b) => a.table.localeCompare(b.table));
}

/** One line for an operator: "44 tables, 1,234 rows (audit log: 321 rows)". */
export function summariseTableCounts(counts: TableCount[]): string {
	const rows = counts.reduce((sum, c) => sum + c.rows, 0);
	const audit = counts.find((c) => c.table === 'audit_log')?.rows ?? 0;
	return `${formatNumber(counts.length, 'en')} tables, ${formatNumber(rows, 'en')} rows (audit log: ${formatNumber(audit, 'en')} rows)`;
}
