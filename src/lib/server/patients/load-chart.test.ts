import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, describeEachDatabase, freshDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { loadChart } from './load-chart';
import { nextPatientNumber } from './patient-repository';
import { searchKeyFor } from './update-patient';

const desk: AuditActor = { type: 'staff', id: 'practitioner-1', ip: '192.0.2.1', requestId: 'r1' };
const NOW = '2026-06-01T00:00:00.000Z';

async function insertPatient(db: Db, merged_into_id: string | null = null): Promise<string> {
	const id = randomUUID();
	const person = { familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ' };
	await db.kysely
		.insertInto('patient')
		.values({
			id,
			patient_number: await nextPatientNumber(db),
			family_name: person.familyName,
			given_name: person.givenName,
			family_name_kana: person.familyNameKana,
			given_name_kana: person.givenNameKana,
			email: '',
			phone: '090-0000-0001',
			date_of_birth: '1960-03-10',
			preferred_locale: 'ja',
			romaji_key: searchKeyFor(person),
			created_at: NOW,
			merged_into_id
		})
		.execute();
	return id;
}

async function auditSince(db: Db, since: number) {
	const rows = await db.kysely.selectFrom('audit_log').select(['seq', 'action', 'patient_id']).where('seq', '>', since).execute();
	return rows.map((r) => `${r.action} ${r.patient_id}`).sort();
}

async function lastSeq(db: Db): Promise<number> {
	const row = await db.kysely
		.selectFrom('audit_log')
		.select((eb) => eb.fn.max('seq').as('seq'))
		.executeTakeFirst();
	return Number(row?.seq ?? 0);
}

describeEachDatabase('opening a chart', (db) => {
	let hanako = '';
	let twin = '';

	it('reads the record, its possible duplicates and the clinical parts, each read audited and written before it returns', async () => {
		hanako = await insertPatient(db());
		twin = await insertPatient(db());
		const since = await lastSeq(db());
		const chart = await loadChart(db(), hanako, desk);
		expect(chart?.patient).toMatchObject({ id: hanako, familyName: '山田', mergedIntoId: null });
		expect(chart?.duplicates.map((d) => d.patient.id)).toEqual([twin]);
		expect(chart?.intakeSubmitted).toBe(false);
		expect(chart?.safetyAlerts).toEqual([]);
		expect(chart?.consents?.patient.id).toBe(hanako);
		expect(chart?.clinical).toMatchObject({ intake: null, aftercare: [], sideEffects: [], selfChecks: [] });
		expect(await auditSince(db(), since)).toEqual(
			['appointment.self_check_read', 'aftercare.read', 'consent.overview', 'outcome.progress.read', 'patient.read', 'side_effect.list']
				.map((action) => `${action} ${hanako}`)
				.sort()
		);
	});

	it('leaves the clinical parts out, and their audit rows, for a reader kept from them', async () => {
		const since = await lastSeq(db());
		const chart = await loadChart(db(), hanako, desk, { clinical: false });
		expect(chart?.clinical).toBeNull();
		expect(await auditSince(db(), since)).toEqual([`consent.overview ${hanako}`, `patient.read ${hanako}`]);
	});

	it('returns nothing for an unknown id and writes no audit row', async () => {
		const since = await lastSeq(db());
		expect(await loadChart(db(), randomUUID(), desk)).toBeNull();
		expect(await auditSince(db(), since)).toEqual([]);
	});

	it('shows no duplicates on a record merged into another', async () => {
		const merged = await insertPatient(db(), hanako);
		const chart = await loadChart(db(), merged, desk);
		expect(chart?.patient.mergedIntoId).toBe(hanako);
		expect(chart?.duplicates).toEqual([]);
	});
});

async function insertIntake(db: Db, patientId: string): Promise<void> {
	await db.kysely
		.insertInto('intake')
		.values({
			id: randomUUID(),
			patient_id: patientId,
			appointment_id: null,
			status: 'submitted',
			current_step: 'done',
			answers: '{}',
			red_flag_level: null,
			red_flag_acknowledged_at: null,
			red_flag_acknowledged_by: null,
			entered_by_staff_id: null,
			created_at: NOW,
			updated_at: NOW,
			submitted_at: NOW
		})
		.execute();
}

describe.each(DIALECTS)('opening a chart, statement by statement, on %s', (dialect) => {
	const statements: string[] = [];
	let db: Db | undefined;
	beforeAll(async () => {
		db = await freshDatabase(dialect, { log: (event) => void (event.level === 'query' && statements.push(event.query.sql)) });
	});
	afterAll(async () => {
		await db?.close();
	});

	it('reads the patient row once, and the register once more only to look for duplicates', async () => {
		const hanako = await insertPatient(db!);
		const twin = await insertPatient(db!);
		// With an intake the chart needs the patient's age, which it once read from the row again.
		await insertIntake(db!, hanako);
		statements.length = 0;
		const chart = await loadChart(db!, hanako, desk);
		expect(chart?.duplicates.map((d) => d.patient.id)).toEqual([twin]);
		expect(chart?.consents?.patient.id).toBe(hanako);
		expect(chart?.clinical?.intake?.patientId).toBe(hanako);
		const patientReads = statements.filter((text) => /from "patient"/.test(text));
		expect(patientReads.filter((text) => /"id" = /.test(text))).toHaveLength(1);
		expect(patientReads).toHaveLength(2);
	});
});
