import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * The audit chain, second round (issue 16). PostgreSQL's TRUNCATE fires no row trigger, so the
 * insert-only guard of 0001 let it empty the log: a statement trigger now refuses it (SQLite has no
 * TRUNCATE; its DELETE without WHERE meets the row trigger). And the outcome of the scheduled
 * verification is kept, so the audit page shows it instead of hashing the whole log on each visit.
 */
export function auditKeyedChain(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			if (dialect === 'postgres') {
				// audit_log_insert_only() comes with 0001 and raises whatever the statement.
				await sql
					.raw(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_insert_only()`)
					.execute(db);
			}
			await db.schema
				.createTable('audit_verification')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('row_count', 'integer', (c) => c.notNull())
				.addColumn('problem_count', 'integer', (c) => c.notNull())
				/** The problems found (kinds and row numbers, JSON), never row contents. */
				.addColumn('detail', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('audit_verification_at').on('audit_verification').column('at').execute();
		},
		async down(db: Kysely<any>) {
			await db.schema.dropTable('audit_verification').execute();
			if (dialect === 'postgres') await sql.raw(`DROP TRIGGER audit_log_no_truncate ON audit_log`).execute(db);
		}
	};
}
