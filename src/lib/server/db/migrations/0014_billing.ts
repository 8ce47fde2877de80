import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then */

/**
 * Money and 療養費 (issue #8, docs/clinical-rules.md §6): doctors' consents, charges with their lines, payments
 * and refunds, receipts numbered without gaps per clinic and year. Financial rows are never changed
 * or deleted, only reversed by new rows (a void, a refund, a reissue): the schema refuses the rest.
 */
export function billing(dialect: DialectName) {
	return {
		async up(db: Kysely<any>) {
			const yen = (column: string) => (c: any) => c.notNull().check(sql.raw(`${column} >= 0`));

			await db.schema
				.createTable('doctor_consent')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('initial', 'renewal')`))
				.addColumn('doctor_name', 'text', (c) => c.notNull())
				.addColumn('institution', 'text', (c) => c.notNull())
				.addColumn('signed_on', 'text', (c) => c.notNull())
				.addColumn('conditions', 'text', (c) => c.notNull()) // JSON: InsuredCondition[]
				.addColumn('condition_note', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('first_treatment_on', 'text')
				.addColumn('expires_on', 'text')
				.addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addCheckConstraint('doctor_consent_started_after_signing', sql`first_treatment_on is null or first_treatment_on >= signed_on`)
				.addCheckConstraint('doctor_consent_expiry_with_start', sql`(first_treatment_on is null) = (expires_on is null)`)
				.execute();
			await db.schema.createIndex('doctor_consent_patient').on('doctor_consent').columns(['patient_id', 'signed_on']).execute();
			await db.schema.createIndex('doctor_consent_expires').on('doctor_consent').column('expires_on').execute();

			await db.schema
				.createTable('charge')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('appointment_id', 'text', (c) => c.references('appointment.id'))
				.addColumn('service_date', 'text', (c) => c.notNull())
				.addColumn('payer', 'text', (c) => c.notNull().check(sql`payer in ('self_pay', 'insurance')`))
				.addColumn('consent_id', 'text', (c) => c.references('doctor_consent.id'))
				.addColumn('share_percent', 'integer')
				.addColumn('fee_schedule_from', 'text')
				.addColumn('insurance_fee_jpy', 'integer', yen('insurance_fee_jpy'))
				.addColumn('patient_share_jpy', 'integer', yen('patient_share_jpy'))
				.addColumn('insurer_claim_jpy', 'integer', yen('insurer_claim_jpy'))
				.addColumn('self_pay_jpy', 'integer', yen('self_pay_jpy'))
				.addColumn('tax_rate_percent', 'integer', (c) => c.notNull())
				.addColumn('consumption_tax_jpy', 'integer', yen('consumption_tax_jpy'))
				.addColumn('due_jpy', 'integer', yen('due_jpy'))
				.addColumn('created_at', 'text', (c) => c.notNull())
				.addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
				.addCheckConstraint(
					'charge_insurance_complete',
					sql`(payer = 'self_pay' and consent_id is null and share_percent is null and fee_schedule_from is null and insurance_fee_jpy = 0)
						or (payer = 'insurance' and consent_id is not null and share_percent in (10, 20, 30) and fee_schedule_from is not null)`
				)
				.addCheckConstraint('charge_due_adds_up', sql`due_jpy = self_pay_jpy + patient_share_jpy`)
				.execute();
			await db.schema.createIndex('charge_patient').on('charge').columns(['patient_id', 'created_at']).execute();
			await db.schema.createIndex('charge_appointment').on('charge').column('appointment_id').execute();
			await db.schema.createIndex('charge_created').on('charge').column('created_at').execute();

			await db.schema
				.createTable('charge_line')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('charge_id', 'text', (c) => c.notNull().references('charge.id'))
				.addColumn('position', 'integer', (c) => c.notNull())
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('service', 'add_on', 'insurance_fee')`))
				.addColumn('code', 'text', (c) => c.notNull())
				.addColumn('service_id', 'text', (c) => c.references('service.id'))
				.addColumn('name_ja', 'text', (c) => c.notNull())
				.addColumn('name_en', 'text', (c) => c.notNull())
				.addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 1`))
				.addColumn('unit_price_jpy', 'integer', yen('unit_price_jpy'))
				.addColumn('amount_jpy', 'integer', yen('amount_jpy'))
				.addColumn('taxable', 'integer', (c) => c.notNull().check(sql`taxable in (0, 1)`))
				.addUniqueConstraint('charge_line_position', ['charge_id', 'position'])
				.addCheckConstraint('charge_line_amount', sql`amount_jpy = unit_price_jpy * quantity`)
				.execute();

			await db.schema
				.createTable('charge_void')
				.addColumn('charge_id', 'text', (c) => c.primaryKey().references('charge.id'))
				.addColumn('reason', 'text', (c) => c.notNull())
				.addColumn('voided_at', 'text', (c) => c.notNull())
				.addColumn('voided_by', 'text', (c) => c.notNull().references('staff.id'))
				.execute();

			await db.schema
				.createTable('payment')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('charge_id', 'text', (c) => c.notNull().references('charge.id'))
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('payment', 'refund')`))
				.addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('cash', 'card', 'qr', 'bank_transfer')`))
				.addColumn('amount_jpy', 'integer', (c) => c.notNull().check(sql`amount_jpy > 0`))
				.addColumn('received_at', 'text', (c) => c.notNull())
				.addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
				.addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
				.execute();
			await db.schema.createIndex('payment_charge').on('payment').column('charge_id').execute();
			await db.schema.createIndex('payment_received').on('payment').column('received_at').execute();

			await db.schema
				.createTable('receipt_counter')
				.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
				.addColumn('year', 'integer', (c) => c.notNull())
				.addColumn('value', 'integer', (c) => c.notNull().check(sql`value >= 1`))
				.addPrimaryKeyConstraint('receipt_counter_pk', ['clinic_id', 'year'])
				.execute();

			await db.schema
				.createTable('receipt')
				.addColumn('id', 'text', (c) => c.primaryKey())
				.addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id'))
				.addColumn('year', 'integer', (c) => c.notNull())
				.addColumn('sequence', 'integer', (c) => c.notNull().check(sql`sequence >= 1`))
				.addColumn('number', 'text', (c) => c.notNull())
				.addColumn('charge_id', 'text', (c) => c.notNull().references('charge.id'))
				.addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
				.addColumn('reissue_of', 'text', (c) => c.references('receipt.id'))
				.addColumn('due_jpy', 'integer', yen('due_jpy'))
				.addColumn('received_jpy', 'integer', yen('received_jpy'))
				.addColumn('consumption_tax_jpy', 'integer', yen('consumption_tax_jpy'))
				.addColumn('issued_at', 'text', (c) => c.notNull())
				.addColumn('issued_by', 'text', (c) => c.notNull().references('staff.id'))
				.addUniqueConstraint('receipt_number_per_clinic_year', ['clinic_id', 'year', 'sequence'])
				.execute();
			await db.schema.createIndex('receipt_charge').on('receipt').column('charge_id').execute();
			// One original per charge; any further copy is a reissue pointing at it.
			await db.schema.createIndex('receipt_one_original').on('receipt').column('charge_id').unique().where(sql.ref('reissue_of'), 'is', null).execute();

			await freezeFinancialRows(db, dialect);
			await counterOnlyCountsUp(db, dialect);
		}
	};
}

/**
 * Every column but `patient_id`, which a duplicate merge moves to the surviving record (audited),
 * as it does for consent signatures (0007).
 */
const FROZEN_COLUMNS: Record<string, string[]> = {
	charge: [
		'id',
		'clinic_id',
		'appointment_id',
		'service_date',
		'payer',
		'consent_id',
		'share_percent',
		'fee_schedule_from',
		'insurance_fee_jpy',
		'patient_share_jpy',
		'insurer_claim_jpy',
		'self_pay_jpy',
		'tax_rate_percent',
		'consumption_tax_jpy',
		'due_jpy',
		'created_at',
		'created_by'
	],
	charge_line: ['id', 'charge_id', 'position', 'kind', 'code', 'service_id', 'name_ja', 'name_en', 'quantity', 'unit_price_jpy', 'amount_jpy', 'taxable'],
	charge_void: ['charge_id', 'reason', 'voided_at', 'voided_by'],
	payment: ['id', 'charge_id', 'kind', 'method', 'amount_jpy', 'received_at', 'reason', 'recorded_by'],
	receipt: [
		'id',
		'clinic_id',
		'year',
		'sequence',
		'number',
		'charge_id',
		'reissue_of',
		'due_jpy',
		'received_jpy',
		'consumption_tax_jpy',
		'issued_at',
		'issued_by'
	]
};

async function freezeFinancialRows(db: Kysely<any>, dialect: DialectName) {
	if (dialect === 'postgres') {
		await sql
			.raw(
				`CREATE FUNCTION billing_row_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
				 BEGIN RAISE EXCEPTION '% cannot be changed or deleted: add a reversing row instead', TG_TABLE_NAME; END $$`
			)
			.execute(db);
	}
	for (const [table, columns] of Object.entries(FROZEN_COLUMNS)) {
		if (dialect === 'sqlite') {
			for (const [name, event] of [
				['update', `UPDATE OF ${columns.join(', ')}`],
				['delete', 'DELETE']
			]) {
				await sql
					.raw(
						`CREATE TRIGGER ${table}_no_${name} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} cannot be changed or deleted: add a reversing row instead'); END`
					)
					.execute(db);
			}
		} else {
			await sql
				.raw(
					`CREATE TRIGGER ${table}_no_change BEFORE UPDATE OF ${columns.join(', ')} OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION billing_row_frozen()`
				)
				.execute(db);
		}
	}
}

/** Gapless numbering: a counter only ever steps up by one and is never removed. */
async function counterOnlyCountsUp(db: Kysely<any>, dialect: DialectName) {
	const message = 'receipt_counter only counts up by one';
	if (dialect === 'sqlite') {
		await sql
			.raw(
				`CREATE TRIGGER receipt_counter_steps BEFORE UPDATE ON receipt_counter
				 WHEN NEW.value <> OLD.value + 1 OR NEW.clinic_id <> OLD.clinic_id OR NEW.year <> OLD.year
				 BEGIN SELECT RAISE(ABORT, '${message}'); END`
			)
			.execute(db);
		await sql.raw(`CREATE TRIGGER receipt_counter_no_delete BEFORE DELETE ON receipt_counter BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db);
		return;
	}
	await sql
		.raw(
			`CREATE FUNCTION receipt_counter_steps() RETURNS trigger LANGUAGE plpgsql AS $$
			 BEGIN
			   IF TG_OP = 'DELETE' OR NEW.value <> OLD.value + 1 OR NEW.clinic_id <> OLD.clinic_id OR NEW.year <> OLD.year THEN
			     RAISE EXCEPTION '${message}';
			   END IF;
			   RETURN NEW;
			 END $$`
		)
		.execute(db);
	await sql
		.raw(`CREATE TRIGGER receipt_counter_steps BEFORE UPDATE OR DELETE ON receipt_counter FOR EACH ROW EXECUTE FUNCTION receipt_counter_steps()`)
		.execute(db);
}
