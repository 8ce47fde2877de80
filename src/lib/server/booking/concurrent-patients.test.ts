import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/support/test-database';
import type { AuditActor } from '../audit/audit-log';
import { blockTime } from '../schedule/block-time';
import { createStaffAppointment } from '../schedule/create-staff-appointment';
import { moveAppointment } from '../schedule/move-appointment';
import { at, seedSchedule, type SeededSchedule } from '../schedule/test-schedule';
import { setPractitionerPlaces } from '../scheduling-settings/set-practitioner-places';
import { createBooking } from './create-booking';
import { getAvailability } from './get-availability';

/*
 * A practitioner who treats several beds at once (issue #22): places are occupancy keys, so the
 * schema refuses a patient past the practitioner's number on both engines, under any concurrency.
 */

const anonymous: AuditActor = { type: 'anonymous', id: null, ip: '192.0.2.1', requestId: 'test' };
// The Friday before Monday 2026-11-30.
const NOW = Date.parse('2026-11-27T00:00:00Z');
const patient = (i: number) => ({ familyName: '同時', givenName: `患者${i}`, email: `together${i}@example.jp`, phone: `090-1111-${String(1000 + i)}` });

describeEachDatabase('patients at the same time', (db) => {
	let s: SeededSchedule;

	beforeAll(async () => {
		s = await seedSchedule(db());
	});

	const book = (i: number, start: string, practitionerId: string) =>
		createBooking(
			db(),
			{ serviceId: s.follow, practitionerId, start: new Date(start).toISOString(), locale: 'ja', patient: patient(i), consent: { privacy: true } },
			anonymous,
			NOW
		);

	const offersAt = async (practitioner: string, start: string) => {
		const result = await getAvailability(db(), { service: s.follow, from: '2026-11-30', to: '2026-11-30', practitioner }, { now: NOW });
		if (!result.ok) throw new Error(result.code);
		return result.slots.some((slot) => slot.start === Date.parse(start));
	};

	it('gives exactly as many of many simultaneous online bookings as the practitioner has places, each on a bed of its own', async () => {
		expect(await setPractitionerPlaces(db(), s.sato, 2, s.actor, NOW)).toEqual({ ok: true });
		const attempts = await Promise.all(Array.from({ length: 12 }, (_, i) => book(i, at('10:00'), s.sato)));
		const booked = attempts.flatMap((a) => (a.ok ? [a.appointment] : []));
		expect(booked).toHaveLength(2);
		expect(attempts.filter((a) => !a.ok).every((a) => !a.ok && a.code === 'slot_taken')).toBe(true);
		expect(new Set(booked.map((a) => a.bed_id)).size).toBe(2);
		const keys = await db().kysely.selectFrom('occupancy').select('resource').distinct().where('resource', 'like', `practitioner:${s.sato}%`).execute();
		expect(keys.map((k) => k.resource).sort()).toEqual([`practitioner:${s.sato}`, `practitioner:${s.sato}#1`]);
		expect(await offersAt(s.sato, at('10:00'))).toBe(false);
	});

	it('keeps a practitioner with one place to one patient at a time', async () => {
		const attempts = await Promise.all(Array.from({ length: 6 }, (_, i) => book(20 + i, at('10:00'), s.fujita)));
		expect(attempts.filter((a) => a.ok)).toHaveLength(1);
	});

	it('offers the second place while only one is taken, and refuses the desk past the number', async () => {
		const first = await book(30, at('15:00'), s.sato);
		expect(first.ok).toBe(true);
		expect(await offersAt(s.sato, at('15:00'))).toBe(true);
		const second = await createStaffAppointment(
			db(),
			{ patientId: first.ok ? first.appointment.patient_id! : '', serviceId: s.follow, practitionerId: s.sato, start: at('15:00'), source: 'staff' },
			s.actor
		);
		expect(second.ok).toBe(true);
		const third = await createStaffAppointment(
			db(),
			{
				newPatient: { familyName: '三人', givenName: '目', phone: '090-2222-3333' },
				serviceId: s.follow,
				practitionerId: s.sato,
				start: at('15:15'),
				source: 'walk_in'
			},
			s.actor
		);
		expect(third).toMatchObject({ ok: false, code: 'conflict', conflictWith: { resource: 'practitioner' } });
	});

	it('lets blocked time take every place, and refuses it while a patient holds one', async () => {
		const blocked = await blockTime(db(), { practitionerId: s.sato, start: at('17:00'), end: at('18:00'), note: '' }, s.actor);
		expect(blocked.ok).toBe(true);
		expect(await offersAt(s.sato, at('17:00'))).toBe(false);
		expect(await blockTime(db(), { practitionerId: s.sato, start: at('15:00'), end: at('15:30'), note: '' }, s.actor)).toMatchObject({
			ok: false,
			code: 'conflict'
		});
	});

	it('moves a visit into a second place and not into a full one', async () => {
		const lone = await book(40, at('11:30'), s.sato);
		if (!lone.ok) throw new Error(lone.code);
		expect(await moveAppointment(db(), { appointmentId: lone.appointment.id, start: at('16:00') }, s.actor)).toMatchObject({ ok: true });
		const other = await book(41, at('16:00'), s.sato);
		expect(other.ok).toBe(true);
		const third = await book(42, at('09:00'), s.sato);
		if (!third.ok) throw new Error(third.code);
		expect(await moveAppointment(db(), { appointmentId: third.appointment.id, start: at('16:00') }, s.actor)).toMatchObject({ ok: false, code: 'conflict' });
	});

	it('refuses fewer places while visits to come use them, and allows it once they do not', async () => {
		expect(await setPractitionerPlaces(db(), s.sato, 1, s.actor, NOW)).toEqual({ ok: false, code: 'places_in_use', inUse: 2 });
		expect(await setPractitionerPlaces(db(), s.sato, 9, s.actor, NOW)).toEqual({ ok: false, code: 'invalid' });
		// A week later every second place is in the past.
		expect(await setPractitionerPlaces(db(), s.sato, 1, s.actor, Date.parse('2026-12-07T00:00:00Z'))).toEqual({ ok: true });
		const audit = await db().kysely.selectFrom('audit_log').select('detail').where('action', '=', 'scheduling.practitioner_places').orderBy('seq').execute();
		expect(audit).toHaveLength(2);
	});
});
