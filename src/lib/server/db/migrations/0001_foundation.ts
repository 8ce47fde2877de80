import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

export function foundation(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			await db.schema
				.createTable('clinic')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('name_ja', 'text', (c) => c.notNull())
				.addColumn('name_en', 'text', (c) => c.notNull())
				.addColumn('postal_code', 'text', (c) => c.notNull())
				.addColumn('address_ja', 'text', (c) => c.notNull())
				.addColumn('address_en', 'text', (c) => c.notNull())
				.addColumn('phone', 'text', (c) => c.notNull())
				.addColumn('email', 'text', (c) => c.notNull())
				.addColumn('time_zone', 'text', (c) => c.notNull())
				.addColumn('require_totp_for_all', 'integer', (c) => c.notNull().defaultTo(0))
				.execute();

			await db.schema
				.createTable('opening_hours')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
				.addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 0 and 6`))
				.addColumn('opens', 'text', (c) => c.notNull())
				.addColumn('closes', 'text', (c) => c.notNull())
				.addCheckConstraint('opening_hours_order', sql`opens < closes`)
				.execute();

			await db.schema
				.createTable('staff')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('email', 'text', (c) => c.notNull().unique())
				.addColumn('display_name', 'text', (c) => c.notNull())
				.addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('owner', 'practitioner', 'reception')`))
				.addColumn('password_hash', 'text', (c) => c.notNull())
				.addColumn('totp_secret', 'text')
				.addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('totp_last_counter', 'bigint')
				.addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('password_changed_at', 'text', (c) => c.notNull())
				.execute();

			await db.schema
				.createTable('practitioner')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
				.addColumn('staff_id', 'text', (c) => c.references('staff.id'))
				.addColumn('family_name_ja', 'text', (c) => c.notNull())
				.addColumn('given_name_ja', 'text', (c) => c.notNull())
				.addColumn('family_name_en', 'text', (c) => c.notNull())
				.addColumn('given_name_en', 'text', (c) => c.notNull())
				.addColumn('hari_licence', 'text')
				.addColumn('kyu_licence', 'text')
				.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
				.execute();

			await db.schema
				.createTable('bed')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
				.addColumn('name_ja', 'text', (c) => c.notNull())
				.addColumn('name_en', 'text', (c) => c.notNull())
				.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
				.execute();

			await db.schema
				.createTable('service')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
				.addColumn('code', 'text', (c) => c.notNull().unique())
				.addColumn('name_ja', 'text', (c) => c.notNull())
				.addColumn('name_en', 'text', (c) => c.notNull())
				.addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes > 0`))
				.addColumn('buffer_minutes', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('price_jpy', 'integer', (c) => c.notNull().check(sql`price_jpy >= 0`))
				.addColumn('needs_bed', 'integer', (c) => c.notNull().defaultTo(1))
				.addColumn('new_patient_only', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('bookable_online', 'integer', (c) => c.notNull().defaultTo(1))
				.addColumn('is_add_on', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
				.execute();

			await db.schema
				.createTable('staff_recovery_code')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
				.addColumn('code_hash', 'text', (c) => c.notNull())
				.addColumn('used_at', 'text')
				.execute();

			await db.schema
				.createTable('staff_session')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
				.addColumn('second_factor_done', 'integer', (c) => c.notNull().defaultTo(0))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('last_seen_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.execute();
			await db.schema.createIndex('staff_session_staff').on('staff_session').column('staff_id').execute();

			await db.schema
				.createTable('staff_invitation')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('token_hash', 'text', (c) => c.notNull().unique())
				.addColumn('email', 'text', (c) => c.notNull())
				.addColumn('role', 'text', (c) => c.notNull())
				.addColumn('invited_by', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('expires_at', 'text', (c) => c.notNull())
				.addColumn('accepted_at', 'text')
				.execute();

			await db.schema
				.createTable('login_throttle')
				.addColumn('key', 'text', (c) => c.primaryKey())
				.addColumn('failures', 'integer', (c) => c.notNull())
				.addColumn('last_failure_at', 'text', (c) => c.notNull())
				.addColumn('locked_until', 'text')
				.execute();

			await db.schema
				.createTable('audit_log')
				.addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
				.addColumn('id', 'text', (c) => c.notNull().unique())
				.addColumn('at', 'text', (c) => c.notNull())
				.addColumn('actor_type', 'text', (c) => c.notNull())
				.addColumn('actor_id', 'text')
				.addColumn('action', 'text', (c) => c.notNull())
				.addColumn('entity_type', 'text')
				.addColumn('entity_id', 'text')
				.addColumn('patient_id', 'text')
				.addColumn('ip', 'text')
				.addColumn('request_id', 'text')
				.addColumn('detail', 'text')
				.addColumn('prev_hash', 'text', (c) => c.notNull())
				.addColumn('hash', 'text', (c) => c.notNull().unique())
				.execute();
			await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
			await db.schema.createIndex('audit_log_patient').on('audit_log').column('patient_id').execute();
			await forbidAuditChanges(db, dialect);
		}
	};
}

/** The audit log is insert-only in the schema itself, not only by convention. */
async function forbidAuditChanges(db: Kysely<any>, dialect: DialectName) {
	if (dialect === 'sqlite') {
		for (const event of ['UPDATE', 'DELETE']) {
			await sql
				.raw(
					`CREATE TRIGGER audit_log_no_${event.toLowerCase()} BEFORE ${event} ON audit_log
					 BEGIN SELECT RAISE(ABORT, 'audit_log is insert-only'); END`
				)
				.execute(db);
		}
		return;
	}
	await sql
		.raw(
			`CREATE FUNCTION audit_log_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
			 BEGIN RAISE EXCEPTION 'audit_log is insert-only'; END $$`
		)
		.execute(db);
	await sql
		.raw(
			`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
			 FOR EACH ROW EXECUTE FUNCTION audit_log_insert_only()`
		)
		.execute(db);
}
