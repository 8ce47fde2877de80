import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { seedDemoClinic } from '../seed/demo-clinic';
import { createBooking } from './create-booking';
import { getAvailability } from './get-availability';
import type { TCreateBooking } from './schemas';

const actor: AuditActor = { type: 'anonymous', id: null, ip: '192.0.2.1', requestId: 'test' };
// A Monday in the demo clinic's week, booked from the Friday before.
const NOW = Date.parse('2026-11-27T00:00:00Z');
const DAY = '2026-11-30';

function request(serviceId: string, start: string, overrides: Partial<TCreateBooking> = {}): TCreateBooking {
	return {
		serviceId,
		start,
		locale: 'ja',
		patient: { familyName: '山田', givenName: '花子', familyNameKana: 'ヤマダ', givenNameKana: 'ハナコ', email: 'hanako@example.jp', phone: '090-1234-5678' },
		consent: { privacy: true },
		...overrides
	};
}

describeEachDatabase('online booking', (db) => {
	let followUp = '';

	it('books a free slot and takes it out of the availability', async () => {
		await seedDemoClinic(db());
		followUp = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'FOLLOW').executeTakeFirstOrThrow()).id;
		const before = await getAvailability(db(), { service: followUp, from: DAY, to: DAY }, { now: NOW });
		if (!before.ok) throw new Error(before.code);
		const first = before.slots[0]!;
		const result = await createBooking(db(), request(followUp, new Date(first.start).toISOString(), { practitionerId: first.practitionerId }), actor, NOW);
		expect(result.ok).toBe(true);
		const after = await getAvailability(db(), { service: followUp, from: DAY, to: DAY, practitioner: first.practitionerId }, { now: NOW });
		if (!after.ok) throw new Error(after.code);
		expect(after.slots.some((s) => s.start === first.start)).toBe(false);
		const occupancy = await db().kysely.selectFrom('occupancy').select('resource').execute();
		// 45 minutes + 10 minutes buffer = 11 grains, for the practitioner and for the bed.
		expect(occupancy).toHaveLength(22);
	});

	it('answers slot_taken for the same practitioner and time, and writes nothing', async () => {
		const taken = await db().kysely.selectFrom('appointment').selectAll().executeTakeFirstOrThrow();
		const countBefore = (await db().kysely.selectFrom('appointment').select('id').execute()).length;
		const again = await createBooking(db(), request(followUp, taken.starts_at, { practitionerId: taken.practitioner_id }), actor, NOW);
		expect(again).toEqual({ ok: false, code: 'slot_taken' });
		expect((await db().kysely.selectFrom('appointment').select('id').execute()).length).toBe(countBefore);
	});

	it('gives exactly one of many simultaneous requests for one slot', async () => {
		const availability = await getAvailability(db(), { service: followUp, from: DAY, to: DAY }, { now: NOW });
		if (!availability.ok) throw new Error(availability.code);
		const slot = availability.slots.at(-1)!;
		const attempts = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				createBooking(
					db(),
					request(followUp, new Date(slot.start).toISOString(), {
						practitionerId: slot.practitionerId,
						patient: { familyName: 'Race', givenName: `N${i}`, email: `race${i}@example.jp`, phone: `090-0000-${String(1000 + i)}` }
					}),
					actor,
					NOW
				)
			)
		);
		expect(attempts.filter((a) => a.ok)).toHaveLength(1);
		expect(attempts.filter((a) => !a.ok).every((a) => !a.ok && a.code === 'slot_taken')).toBe(true);
	});

	it('links a returning patient by phone and name, audits the booking and queues its mails', async () => {
		const availability = await getAvailability(db(), { service: followUp, from: '2026-12-01', to: '2026-12-01' }, { now: NOW });
		if (!availability.ok) throw new Error(availability.code);
		const result = await createBooking(db(), request(followUp, new Date(availability.slots[0]!.start).toISOString()), actor, NOW);
		if (!result.ok) throw new Error(result.code);
		const patients = await db().kysely.selectFrom('patient').select('id').where('phone', '=', '090-1234-5678').execute();
		expect(patients).toHaveLength(1);
		expect(result.appointment.patient_id).toBe(patients[0]!.id);
		const audit = await db().kysely.selectFrom('audit_log').select(['action', 'patient_id']).where('entity_id', '=', result.appointment.id).execute();
		expect(audit).toEqual([{ action: 'booking.create', patient_id: patients[0]!.id }]);
		const jobs = await db()
			.kysely.selectFrom('job')
			.select(['kind', 'run_at'])
			.where('payload', 'like', `%${result.appointment.id}%`)
			.orderBy('run_at')
			.execute();
		expect(jobs.map((j) => j.kind)).toEqual(['mail.booking_confirmation', 'mail.booking_reminder']);
		expect(Date.parse(jobs[1]!.run_at)).toBe(Date.parse(result.appointment.starts_at) - 24 * 3_600_000);
	});

	it('records the privacy box as a consent to the current privacy text, given when booking online', async () => {
		const availability = await getAvailability(db(), { service: followUp, from: '2026-12-07', to: '2026-12-07' }, { now: NOW });
		if (!availability.ok) throw new Error(availability.code);
		const patient = { familyName: '高橋', givenName: '誠', email: 'makoto@example.jp', phone: '090-5555-0101' };
		const result = await createBooking(db(), request(followUp, new Date(availability.slots[0]!.start).toISOString(), { patient }), actor, NOW);
		if (!result.ok) throw new Error(result.code);
		const signatures = await db()
			.kysely.selectFrom('consent_signature')
			.innerJoin('consent_document', 'consent_document.id', 'consent_signature.document_id')
			.select([
				'consent_document.kind',
				'consent_document.version',
				'consent_signature.agreed',
				'consent_signature.signed_at',
				'consent_signature.signed_name',
				'consent_signature.channel',
				'consent_signature.ip',
				'consent_signature.recorded_by_staff_id'
			])
			.where('consent_signature.patient_id', '=', result.appointment.patient_id!)
			.execute();
		expect(signatures).toEqual([
			{
				kind: 'privacy',
				version: 1,
				agreed: 1,
				signed_at: new Date(NOW).toISOString(),
				signed_name: '高橋 誠',
				channel: 'online_booking',
				ip: '192.0.2.1',
				recorded_by_staff_id: null
			}
		]);
		const audit = await db()
			.kysely.selectFrom('audit_log')
			.select(['action', 'detail'])
			.where('patient_id', '=', result.appointment.patient_id!)
			.where('action', '=', 'consent.sign')
			.execute();
		expect(audit.map((a) => JSON.parse(a.detail ?? '{}'))).toEqual([expect.objectContaining({ kind: 'privacy', version: 1, channel: 'online_booking' })]);
	});

	it('records no consent for a booking that did not happen', async () => {
		const taken = await db().kysely.selectFrom('appointment').selectAll().executeTakeFirstOrThrow();
		const before = (await db().kysely.selectFrom('consent_signature').select('id').execute()).length;
		const again = await createBooking(
			db(),
			request(followUp, taken.starts_at, {
				practitionerId: taken.practitioner_id,
				patient: { familyName: '未', givenName: '予約', email: 'none@example.jp', phone: '090-5555-0102' }
			}),
			actor,
			NOW
		);
		expect(again).toEqual({ ok: false, code: 'slot_taken' });
		expect((await db().kysely.selectFrom('consent_signature').select('id').execute()).length).toBe(before);
	});

	it('books distinct slots at the same moment, each new patient with its own number', async () => {
		const availability = await getAvailability(db(), { service: followUp, from: '2026-12-03', to: '2026-12-04' }, { now: NOW });
		if (!availability.ok) throw new Error(availability.code);
		const lastEnd = new Map<string, number>();
		const distinct = availability.slots.filter((s) => {
			if (s.start < (lastEnd.get(s.practitionerId) ?? 0)) return false;
			lastEnd.set(s.practitionerId, s.start + 60 * 60_000);
			return true;
		});
		const results = await Promise.all(
			distinct.slice(0, 12).map((slot, i) =>
				createBooking(
					db(),
					request(followUp, new Date(slot.start).toISOString(), {
						practitionerId: slot.practitionerId,
						patient: { familyName: 'Same', givenName: `Moment${i}`, email: `moment${i}@example.jp`, phone: `080-2222-${String(1000 + i)}` }
					}),
					actor,
					NOW
				)
			)
		);
		expect(results.every((r) => r.ok)).toBe(true);
		const numbers = await db().kysely.selectFrom('patient').select('patient_number').where('family_name', '=', 'Same').execute();
		expect(new Set(numbers.map((n) => n.patient_number)).size).toBe(12);
		expect(numbers.every((n) => /^P\d{6}$/.test(n.patient_number ?? ''))).toBe(true);
	});

	it('gives every practitioner free at one moment a bed of their own when all book at once, each held as the visit says', async () => {
		const availability = await getAvailability(db(), { service: followUp, from: '2026-12-07', to: '2026-12-07' }, { now: NOW });
		if (!availability.ok) throw new Error(availability.code);
		// The first moment more than one practitioner is free: each is offered the same first free bed.
		const byStart = new Map<number, typeof availability.slots>();
		for (const slot of availability.slots) byStart.set(slot.start, [...(byStart.get(slot.start) ?? []), slot]);
		const [start, slots] = [...byStart].find(([, at]) => new Set(at.map((s) => s.practitionerId)).size > 1)!;
		const practitioners = [...new Set(slots.map((s) => s.practitionerId))];
		expect(new Set(slots.map((s) => s.bedId)).size).toBe(1);
		const results = await Promise.all(
			practitioners.map((practitionerId, i) =>
				createBooking(
					db(),
					request(followUp, new Date(start).toISOString(), {
						practitionerId,
						patient: { familyName: '同時', givenName: `寝台${i}`, email: `bed${i}@example.jp`, phone: `080-3333-${1000 + i}` }
					}),
					actor,
					NOW
				)
			)
		);
		const booked = results.map((r) => (r.ok ? r.appointment : null));
		expect(booked.every((a) => a !== null)).toBe(true);
		expect(new Set(booked.map((a) => a!.bed_id)).size).toBe(practitioners.length);
		for (const appointment of booked) {
			const stored = await db().kysely.selectFrom('appointment').select('bed_id').where('id', '=', appointment!.id).executeTakeFirstOrThrow();
			expect(stored.bed_id).toBe(appointment!.bed_id);
			const beds = await db()
				.kysely.selectFrom('occupancy')
				.select('resource')
				.where('appointment_id', '=', appointment!.id)
				.where('resource', 'like', 'bed:%')
				.execute();
			expect(new Set(beds.map((b) => b.resource))).toEqual(new Set([`bed:${appointment!.bed_id}`]));
			expect(beds).toHaveLength(11);
		}
	});

	it('refuses a time that is not a slot, a staff-only service and an unknown practitioner', async () => {
		const oddTime = await createBooking(db(), request(followUp, '2026-11-30T01:07:00.000Z'), actor, NOW);
		expect(oddTime).toEqual({ ok: false, code: 'slot_taken' });
		const moxa = (await db().kysely.selectFrom('service').select('id').where('code', '=', 'MOXA').executeTakeFirstOrThrow()).id;
		expect(await createBooking(db(), request(moxa, '2026-11-30T01:00:00.000Z'), actor, NOW)).toEqual({ ok: false, code: 'service_not_found' });
		expect(await createBooking(db(), request(followUp, '2026-11-30T01:00:00.000Z', { practitionerId: 'nobody' }), actor, NOW)).toEqual({
			ok: false,
			code: 'practitioner_not_found'
		});
	});

	it('answers slot_taken for an active practitioner without working hours, and practitioner_not_found once they leave', async () => {
		const practitioner = (await db().kysely.selectFrom('practitioner').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
		const hours = await db().kysely.selectFrom('practitioner_hours').selectAll().where('practitioner_id', '=', practitioner).execute();
		const book = () => createBooking(db(), request(followUp, '2026-12-01T01:00:00.000Z', { practitionerId: practitioner }), actor, NOW);
		try {
			await db().kysely.deleteFrom('practitioner_hours').where('practitioner_id', '=', practitioner).execute();
			expect(await book()).toEqual({ ok: false, code: 'slot_taken' });
			await db().kysely.updateTable('practitioner').set({ active: 0 }).where('id', '=', practitioner).execute();
			expect(await book()).toEqual({ ok: false, code: 'practitioner_not_found' });
		} finally {
			await db().kysely.updateTable('practitioner').set({ active: 1 }).where('id', '=', practitioner).execute();
			await db().kysely.insertInto('practitioner_hours').values(hours).execute();
		}
	});

	it('answers availability questions outside the window with reasons', async () => {
		expect(await getAvailability(db(), { service: followUp, from: '2026-11-01', to: '2026-11-02' }, { now: NOW })).toEqual({
			ok: false,
			code: 'outside_booking_window',
			field: 'to'
		});
		expect(await getAvailability(db(), { service: followUp, from: '2027-02-20', to: '2027-03-01' }, { now: NOW })).toMatchObject({
			ok: false,
			code: 'outside_booking_window'
		});
		expect(await getAvailability(db(), { service: followUp, from: '2026-12-01', to: '2027-02-10' }, { now: NOW })).toMatchObject({
			ok: false,
			code: 'range_too_long'
		});
		expect(await getAvailability(db(), { service: 'nope', from: DAY, to: DAY }, { now: NOW })).toEqual({ ok: false, code: 'service_not_found' });
	});
});
