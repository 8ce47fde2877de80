import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { DELETED_TABLES, MOVED_TABLES } from '../patients/merge-patients';
import { TREATMENT_TABLES_IN_ORDER } from './erase-patient';
import { PATIENT_TABLE_NAMES, PATIENT_TABLES } from './patient-tables';

describeEachDatabase('the tables that hold patient data', (db) => {
	async function tablesWithPatientId(): Promise<string[]> {
		const tables = await db().kysely.introspection.getTables();
		return tables
			.filter((table) => table.columns.some((column) => column.name === 'patient_id'))
			.map((table) => table.name)
			.sort();
	}

	it('finds some, so the check below cannot pass on an empty schema', async () => {
		expect(await tablesWithPatientId()).toContain('treatment_session');
	});

	it('gives every table with a patient_id column a deletion rule, and no rule to a table without one', async () => {
		expect([...PATIENT_TABLE_NAMES].sort()).toEqual(await tablesWithPatientId());
	});

	it('deletes every table of the 施術録 in a foreign-key-safe order once its duty ends', () => {
		const treatmentRecords = PATIENT_TABLE_NAMES.filter((table) => PATIENT_TABLES[table] === 'treatment_record');
		expect([...TREATMENT_TABLES_IN_ORDER].sort()).toEqual(treatmentRecords.sort());
	});

	it('lets a duplicate merge move or delete every such table too (the audit trail stays as written)', async () => {
		expect([...MOVED_TABLES, ...DELETED_TABLES, 'audit_log'].sort()).toEqual(await tablesWithPatientId());
	});
});
