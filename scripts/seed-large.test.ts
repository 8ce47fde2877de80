import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, DIALECTS } from '../tests/support/test-database';
import type { AuditActor } from '../src/lib/server/audit/audit-log';
import type { Db } from '../src/lib/server/db/database';
import { listPossibleDuplicates } from '../src/lib/server/patients/find-duplicates';
import { searchPatients } from '../src/lib/server/patients/search-patients';
import { searchKeyFor } from '../src/lib/server/patients/update-patient';
import { seedDemoClinic } from '../src/lib/server/seed/demo-clinic';
import { seedLarge } from './seed-large-data';

const desk: AuditActor = { type: 'staff', id: 'reception-1', ip: null, requestId: null };
const NOW = Date.parse('2026-05-01T03:00:00Z');
const quiet = () => {};

async function count(db: Db, table: 'patient' | 'appointment'): Promise<number> {
	const row = await db.kysely
		.selectFrom(table)
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

describe.each(DIALECTS)('the large seed on %s', (dialect) => {
	let db: Db;
	const lines: string[] = [];
	beforeAll(async () => {
		db = await freshDatabase(dialect);
		await seedDemoClinic(db);
		const result = await seedLarge(db, { patients: 600, appointments: 5_000, now: NOW, log: (line) => lines.push(line) });
		expect(result).toMatchObject({ ok: true, patients: 600, appointments: 5_000 });
	}, 120_000);
	afterAll(async () => {
		await db?.close();
	});

	it('writes the patients and appointments asked for, and reports progress in tenths', async () => {
		expect(await count(db, 'patient')).toBe(600);
		expect(await count(db, 'appointment')).toBe(5_000);
		expect(lines.filter((l) => l.includes('appointments:') && l.endsWith('%)'))).toHaveLength(10);
		expect(lines.at(-1)).toMatch(/^Seeded 600 patients and 5,000 appointments in/);
	});

	it('numbers patients through the counter, with no gaps or repeats', async () => {
		const rows = await db.kysely.selectFrom('patient').select('patient_number').orderBy('patient_number').execute();
		expect(rows.map((r) => r.patient_number)).toEqual(Array.from({ length: 600 }, (_, i) => `P${String(i + 1).padStart(6, '0')}`));
		const counter = await db.kysely.selectFrom('counter').select('value').where('name', '=', 'patient_number').executeTakeFirstOrThrow();
		expect(Number(counter.value)).toBe(600);
	});

	it('puts every appointment in the past, on a known practitioner and service, mostly completed', async () => {
		const late = await db.kysely.selectFrom('appointment').select('id').where('held_until', '>=', new Date(NOW).toISOString()).execute();
		expect(late).toEqual([]);
		const statuses = await db.kysely
			.selectFrom('appointment')
			.select(['status', (eb) => eb.fn.countAll().as('n')])
			.groupBy('status')
			.execute();
		const byStatus = Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)]));
		expect(Object.keys(byStatus).sort()).toEqual(['cancelled', 'completed', 'no_show']);
		expect(byStatus.completed).toBeGreaterThan(3_500);
		const orphans = await db.kysely
			.selectFrom('appointment')
			.leftJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
			.leftJoin('service', 'service.id', 'appointment.service_id')
			.leftJoin('patient', 'patient.id', 'appointment.patient_id')
			.select('appointment.id')
			.where((eb) => eb.or([eb('practitioner.id', 'is', null), eb('service.id', 'is', null), eb('patient.id', 'is', null)]))
			.execute();
		expect(orphans).toEqual([]);
	});

	it('gives every patient the search key the register computes, so searches find seeded patients', async () => {
		const patients = await db.kysely.selectFrom('patient').selectAll().orderBy('patient_number').execute();
		for (const p of patients) {
			expect(p.romaji_key).toBe(
				searchKeyFor({ familyName: p.family_name, givenName: p.given_name, familyNameKana: p.family_name_kana, givenNameKana: p.given_name_kana })
			);
		}
		const someone = patients.find((p) => p.family_name_kana !== '' && p.date_of_birth !== null)!;
		const ids = async (q: string) => (await searchPatients(db, q, desk)).map((r) => r.id);
		expect(await ids(someone.patient_number!)).toEqual([someone.id]);
		expect(await ids(someone.phone)).toContain(someone.id);
		expect(await ids(someone.date_of_birth!)).toContain(someone.id);
		const byKana = await searchPatients(db, `${someone.family_name_kana}${someone.given_name_kana}`, desk);
		expect(byKana.length).toBeGreaterThan(0);
		expect(byKana.every((r) => r.familyNameKana + r.givenNameKana === someone.family_name_kana + someone.given_name_kana)).toBe(true);
		expect(await ids(someone.romaji_key)).toEqual(expect.arrayContaining(byKana.length < 50 ? [someone.id] : []));
	});

	it('registers a few patients twice, for the duplicates list to find', async () => {
		expect((await listPossibleDuplicates(db, 100)).length).toBeGreaterThan(0);
	});

	it('refuses to run twice on one database', async () => {
		const again = await seedLarge(db, { patients: 10, appointments: 10, now: NOW, log: quiet });
		expect(again).toMatchObject({ ok: false, code: 'already_seeded' });
		expect(await count(db, 'patient')).toBe(600);
	});
});

describe('the large seed is deterministic', () => {
	it('writes the same patients from the same seed on the same day', async () => {
		const names: string[][] = [];
		for (let run = 0; run < 2; run++) {
			const db = await freshDatabase('sqlite');
			await seedDemoClinic(db);
			await seedLarge(db, { patients: 50, appointments: 200, now: NOW, log: quiet });
			const rows = await db.kysely.selectFrom('patient').select(['id', 'family_name', 'phone', 'date_of_birth']).orderBy('patient_number').execute();
			const appointments = await db.kysely.selectFrom('appointment').select(['id', 'starts_at']).orderBy('id').execute();
			names.push([...rows.map((r) => `${r.id} ${r.family_name} ${r.phone} ${r.date_of_birth}`), ...appointments.map((a) => `${a.id} ${a.starts_at}`)]);
			await db.close();
		}
		expect(names[0]).toEqual(names[1]);
	}, 60_000);
});
