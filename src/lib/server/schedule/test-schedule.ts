import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { seedDemoClinic } from '../seed/demo-clinic';

/*
 * The demo clinic as the schedule tests use it (test support, not imported by the app): its
 * practitioners, beds and services by name, and reception as the acting staff member.
 */

/** A Monday: open 09:00–12:30 and 14:30–19:30 in the demo clinic. */
export const MONDAY = '2026-11-30';
export const at = (time: string, date = MONDAY) => `${date}T${time}:00+09:00`;

export async function seedSchedule(db: Db) {
	await seedDemoClinic(db);
	const [practitioners, beds, services, reception] = await Promise.all([
		db.kysely.selectFrom('practitioner').select(['id', 'family_name_en']).execute(),
		db.kysely.selectFrom('bed').select('id').orderBy('sort_order').execute(),
		db.kysely.selectFrom('service').select(['id', 'code']).execute(),
		db.kysely.selectFrom('staff').select('id').where('role', '=', 'reception').executeTakeFirstOrThrow()
	]);
	const practitioner = (name: string) => practitioners.find((p) => p.family_name_en === name)!.id;
	const service = (code: string) => services.find((s) => s.code === code)!.id;
	const actor: AuditActor = { type: 'staff', id: reception.id, ip: '192.0.2.10', requestId: 'test' };
	return {
		actor,
		fujita: practitioner('Fujita'),
		sato: practitioner('Sato'),
		takahashi: practitioner('Takahashi'),
		beds: beds.map((b) => b.id),
		first: service('FIRST'),
		follow: service('FOLLOW'),
		moxa: service('MOXA')
	};
}

export type SeededSchedule = Awaited<ReturnType<typeof seedSchedule>>;

/** The audit rows written for one appointment, oldest first. */
export async function auditFor(db: Db, entityId: string) {
	return db.kysely.selectFrom('audit_log').select(['action', 'patient_id', 'actor_id']).where('entity_id', '=', entityId).orderBy('seq').execute();
}
