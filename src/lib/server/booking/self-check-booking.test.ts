import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import { RED_FLAG_QUESTIONS, type TriageAnswers } from '../../domain/triage/assess';
import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { loadChart } from '../patients/load-chart';
import { listDay } from '../schedule/list-day';
import { withPatientFlags } from '../schedule/patient-flags';
import { seedDemoClinic } from '../seed/demo-clinic';
import { createBooking } from './create-booking';
import { getAvailability } from './get-availability';
import type { TCreateBooking } from './schemas';

const actor: AuditActor = { type: 'anonymous', id: null, ip: '192.0.2.1', requestId: 'test' };
const staff: AuditActor = { type: 'staff', id: null, ip: '192.0.2.2', requestId: 'test' };
// A Monday in the demo clinic's week, booked from the Friday before.
const NOW = Date.parse('2026-11-27T00:00:00Z');
const DAY = '2026-11-30';

function calm(overrides: Partial<TriageAnswers> = {}): TriageAnswers {
	const flags = Object.fromEntries(RED_FLAG_QUESTIONS.map((q) => [q, false])) as Record<(typeof RED_FLAG_QUESTIONS)[number], boolean>;
	return { ...flags, seenDoctor: false, age: 52, durationDays: 3, painNrs: 4, ...overrides };
}

async function freeSlot(db: Db, serviceId: string): Promise<{ start: string; practitionerId: string }> {
	const availability = await getAvailability(db, { service: serviceId, from: DAY, to: DAY }, { now: NOW });
	if (!availability.ok) throw new Error(availability.code);
	const slot = availability.slots[0]!;
	return { start: new Date(slot.start).toISOString(), practitionerId: slot.practitionerId };
}

function request(serviceId: string, slot: { start: string; practitionerId: string }, triage: TriageAnswers, email: string): TCreateBooking {
	return {
		serviceId,
		start: slot.start,
		practitionerId: slot.practitionerId,
		locale: 'ja',
		patient: { familyName: '森', givenName: '一郎', email, phone: '090-2222-3333' },
		consent: { privacy: true },
		triage
	};
}

/** Rows of every table a booking writes to. */
async function counts(db: Db): Promise<Record<string, number>> {
	const tables = ['patient', 'appointment', 'occupancy', 'job', 'audit_log', 'counter'];
	const result: Record<string, number> = {};
	for (const table of tables) {
		const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db.kysely);
		result[table] = Number(row.rows[0]!.n);
	}
	const counter = await db.kysely.selectFrom('counter').select('value').where('name', '=', 'patient_number').executeTakeFirst();
	result.patientNumber = counter?.value ?? 0;
	return result;
}

describeEachDatabase('self-check answers brought to a booking (docs/clinical-rules.md §1)', (db) => {
	let followUp = '';

	it('refuses emergency answers with red_flag and writes nothing at all', async () => {
		await seedDemoClinic(db());
		followUp = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
		const slot = await freeSlot(db(), followUp);
		const before = await counts(db());
		const result = await createBooking(db(), request(followUp, slot, calm({ saddleNumbness: true, worsening: true }), 'emergency@example.jp'), actor, NOW);
		expect(result).toEqual({ ok: false, code: 'red_flag', level: 'emergency', reasons: ['saddleNumbness', 'worsening'] });
		expect(await counts(db())).toEqual(before);
		expect(await db().kysely.selectFrom('patient').select('id').where('email', '=', 'emergency@example.jp').execute()).toEqual([]);
	});

	it('refuses urgent answers the same way, and the slot stays free', async () => {
		const slot = await freeSlot(db(), followUp);
		const before = await counts(db());
		const result = await createBooking(db(), request(followUp, slot, calm({ cancerHistory: true }), 'urgent@example.jp'), actor, NOW);
		expect(result).toEqual({ ok: false, code: 'red_flag', level: 'urgent', reasons: ['cancerHistory'] });
		expect(await counts(db())).toEqual(before);
		expect(await freeSlot(db(), followUp)).toEqual(slot);
	});

	it('books see_doctor answers, and the appointment keeps the answers, the level, the reasons and when', async () => {
		const slot = await freeSlot(db(), followUp);
		const answers = calm({ durationDays: 10, painNrs: 8 });
		const result = await createBooking(db(), request(followUp, slot, answers, 'see-doctor@example.jp'), actor, NOW);
		if (!result.ok) throw new Error(result.code);
		const row = await db().kysely.selectFrom('appointment').selectAll().where('id', '=', result.appointment.id).executeTakeFirstOrThrow();
		expect(row.triage_level).toBe('see_doctor');
		expect(JSON.parse(row.triage_reasons!)).toEqual(['durationOverAWeek', 'severePain']);
		expect(row.triage_given_at).toBe(new Date(NOW).toISOString());
		expect(JSON.parse(row.triage!)).toEqual(answers);
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'booking.create')
			.where('entity_id', '=', result.appointment.id)
			.executeTakeFirstOrThrow();
		// The audit trail keeps the level, never the answers.
		expect(JSON.parse(audit.detail!)).toMatchObject({ selfCheckLevel: 'see_doctor' });
		expect(audit.detail).not.toContain('painNrs');
	});

	it('marks the flagged visit on the day list, and not a visit without answers', async () => {
		const day = await withPatientFlags(db(), await listDay(db(), DAY, 'Asia/Tokyo'), { readsClinical: true });
		const flagged = day.find((a) => a.selfCheck?.level === 'see_doctor');
		expect(flagged?.flags?.selfCheck).toBe('see_doctor');
		expect(flagged?.selfCheck).toEqual({ level: 'see_doctor', reasons: ['durationOverAWeek', 'severePain'], givenAt: new Date(NOW).toISOString() });
		const others = day.filter((a) => a.id !== flagged?.id && a.patient);
		expect(others.every((a) => a.flags?.selfCheck === null)).toBe(true);
	});

	it('books routine answers without a mark, keeping them for the chart', async () => {
		const slot = await freeSlot(db(), followUp);
		const result = await createBooking(db(), request(followUp, slot, calm(), 'see-doctor@example.jp'), actor, NOW + 60_000);
		if (!result.ok) throw new Error(result.code);
		const day = await withPatientFlags(db(), await listDay(db(), DAY, 'Asia/Tokyo'), { readsClinical: true });
		const routine = day.find((a) => a.id === result.appointment.id)!;
		expect(routine.selfCheck?.level).toBe('routine');
		expect(routine.flags?.selfCheck).toBeNull();
	});

	it('shows the chart every self-check with the date it was given, newest first, and audits the read', async () => {
		const patient = await db().kysely.selectFrom('patient').select('id').where('email', '=', 'see-doctor@example.jp').executeTakeFirstOrThrow();
		const chart = await loadChart(db(), patient.id, staff);
		expect(chart?.clinical?.selfChecks.map((r) => [r.level, r.givenAt])).toEqual([
			['routine', new Date(NOW + 60_000).toISOString()],
			['see_doctor', new Date(NOW).toISOString()]
		]);
		expect(chart?.clinical?.selfChecks[1]?.answers).toMatchObject({ durationDays: 10, painNrs: 8 });
		expect(new Set(chart?.appointments.map((a) => a.selfCheckLevel))).toEqual(new Set(['see_doctor', null]));
		const read = await db()
			.kysely.selectFrom('audit_log')
			.select('id')
			.where('action', '=', 'appointment.self_check_read')
			.where('patient_id', '=', patient.id)
			.execute();
		expect(read).toHaveLength(1);
	});
});
