import type { Db } from '../db/database';
import type { StaffRole } from '../db/schema';
import { countFailedMail } from '../mail/failed-mail';

/** What needs a staff member's attention now: the console banner shows these on every page. */
export interface AttentionCounts {
	/** Intakes that reported an emergency or urgent red flag nobody has acknowledged yet. */
	redFlags: number;
	/** Side-effect reports from patients not yet handled (clinical roles only). */
	sideEffects: number;
	/** Mail (alerts included) that gave up after every retry (the owner only, who reads the outbox). */
	failedMail: number;
}

export async function attentionCounts(db: Db, role: StaffRole): Promise<AttentionCounts> {
	const redFlags = await db.kysely
		.selectFrom('intake')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('red_flag_level', 'in', ['emergency', 'urgent'])
		.where('red_flag_acknowledged_at', 'is', null)
		.executeTakeFirstOrThrow();
	const sideEffects =
		role === 'reception'
			? { n: 0 }
			: await db.kysely
					.selectFrom('side_effect_report')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('handled_at', 'is', null)
					.executeTakeFirstOrThrow();
	const failedMail = role === 'owner' ? await countFailedMail(db) : 0;
	return { redFlags: Number(redFlags.n), sideEffects: Number(sideEffects.n), failedMail };
}
