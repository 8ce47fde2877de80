import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * A row of the audit chain has at most one successor: two rows naming the same previous hash would
 * fork the chain. With this index, an audited read appends its row in one statement chained onto
 * the newest row the process knows, and the database refuses it if another instance appended first
 * (audit/audit-log.ts, issue #21). Rows written before it are left out, so a database whose old rows
 * were ever forked (`npm run audit:verify` reports that) still migrates.
 */
export const auditOneSuccessor = {
	async up(db: Kysely<any>) {
		const last = await db
			.selectFrom('audit_log')
			.select((eb) => eb.fn.max('seq').as('seq'))
			.executeTakeFirst();
		const after = Number(last?.seq ?? 0);
		await sql`create unique index audit_log_one_successor on audit_log (prev_hash) where seq > ${sql.lit(after)}`.execute(db);
	},
	async down(db: Kysely<any>) {
		await db.schema.dropIndex('audit_log_one_successor').execute();
	}
};
