import type { Db } from '../db/database';

/** What a seeded demo visit is made of: the clinic's time zone, the follow-up service and the first practitioner with an account. */
export async function demoVisitContext(db: Db) {
	const clinic = await db.kysely.selectFrom('clinic').select('time_zone').executeTakeFirstOrThrow();
	const service = await db.kysely
		.selectFrom('service')
		.select(['id', 'duration_minutes', 'buffer_minutes'])
		.where('code', '=', 'FOLLOW')
		.executeTakeFirstOrThrow();
	const practitioner = await db.kysely
		.selectFrom('practitioner')
		.innerJoin('staff', 'staff.id', 'practitioner.staff_id')
		.select(['practitioner.id', 'practitioner.staff_id'])
		.where('staff.role', '=', 'practitioner')
		.executeTakeFirstOrThrow();
	return { clinic, service, practitioner };
}
