import { toOffsetIso } from '../../domain/time';
import type { AuditActor } from '../audit/audit-log';
import { createBooking } from '../booking/create-booking';
import { getAvailability } from '../booking/get-availability';
import type { Db } from '../db/database';

/* Shared by the scheduling settings tests: the demo clinic seen from a fixed Friday. */

export const owner: AuditActor = { type: 'staff', id: 'owner-test', ip: '192.0.2.10', requestId: 'settings-test' };
/** Friday 2026-11-20, 09:00 in Tokyo. Monday 2026-11-23 is a public holiday (勤労感謝の日). */
export const NOW = Date.parse('2026-11-20T00:00:00Z');
export const TZ = 'Asia/Tokyo';

export async function serviceIdOf(db: Db, code: string): Promise<string> {
	return (await db.kysely.selectFrom('service').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function practitionerIdOf(db: Db, familyNameEn: string): Promise<string> {
	return (await db.kysely.selectFrom('practitioner').select('id').where('family_name_en', '=', familyNameEn).executeTakeFirstOrThrow()).id;
}

/** Start times ('HH:MM', clinic-local) offered for a service on one day. */
export async function slotTimes(db: Db, serviceId: string, date: string, options: { practitioner?: string; now?: number } = {}): Promise<string[]> {
	const result = await getAvailability(db, { service: serviceId, from: date, to: date, practitioner: options.practitioner }, { now: options.now ?? NOW });
	if (!result.ok) throw new Error(result.code);
	return [...new Set(result.slots.map((s) => toOffsetIso(s.start, TZ).slice(11, 16)))];
}

/** Books the first free slot of a day online, as a patient would; returns the appointment. */
export async function bookFirstSlot(db: Db, serviceId: string, date: string, practitioner?: string) {
	const availability = await getAvailability(db, { service: serviceId, from: date, to: date, practitioner }, { now: NOW });
	if (!availability.ok || availability.slots.length === 0) throw new Error('no slot to book');
	const slot = availability.slots[0]!;
	const result = await createBooking(
		db,
		{
			serviceId,
			practitionerId: slot.practitionerId,
			start: new Date(slot.start).toISOString(),
			locale: 'ja',
			patient: { familyName: '山田', givenName: '花子', email: 'hanako@example.jp', phone: '090-1234-5678' },
			consent: { privacy: true }
		},
		{ type: 'anonymous', id: null, ip: '192.0.2.1', requestId: 'test' },
		NOW
	);
	if (!result.ok) throw new Error(result.code);
	return result.appointment;
}

export async function auditActions(db: Db, prefix = 'scheduling.'): Promise<string[]> {
	const rows = await db.kysely.selectFrom('audit_log').select('action').where('action', 'like', `${prefix}%`).orderBy('seq').execute();
	return rows.map((r) => r.action);
}
