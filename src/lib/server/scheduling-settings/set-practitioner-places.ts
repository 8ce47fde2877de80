import { checkWholeNumber, CONCURRENT_PATIENTS } from '../../domain/scheduling/settings-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { placesHeldFrom } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lockPractitioner } from './row-locks';
import { updatePractitioner } from './settings-repository';

export type SetPractitionerPlacesResult =
	| { ok: true }
	| { ok: false; code: 'not_found' | 'invalid' }
	/** Visits still to come already use more places than the new number: move them first. */
	| { ok: false; code: 'places_in_use'; inUse: number };

/**
 * How many patients the practitioner may have at once (one per bed while needles are retained).
 * Occupancy holds place k under `practitioner:<id>#<k>` (booking/occupancy.ts), so fewer places
 * are refused while a visit to come holds a place beyond them: nothing booked is overbooked.
 */
export async function setPractitionerPlaces(
	db: Db,
	practitionerId: string,
	concurrentPatients: number,
	actor: AuditActor,
	now = db.clock.now().getTime()
): Promise<SetPractitionerPlacesResult> {
	if (checkWholeNumber(concurrentPatients, CONCURRENT_PATIENTS) !== null) return { ok: false, code: 'invalid' };
	return withTransaction(db, async (tx) => {
		if (!(await lockPractitioner(tx, practitionerId))) return { ok: false, code: 'not_found' } as const;
		const inUse = await placesHeldFrom(tx, practitionerId, new Date(now).toISOString());
		if (inUse > concurrentPatients) return { ok: false, code: 'places_in_use', inUse } as const;
		const before = await tx.kysely.selectFrom('practitioner').select('concurrent_patients').where('id', '=', practitionerId).executeTakeFirstOrThrow();
		await updatePractitioner(tx, practitionerId, { concurrent_patients: concurrentPatients });
		await recordAudit(tx, actor, {
			action: 'scheduling.practitioner_places',
			entityType: 'practitioner',
			entityId: practitionerId,
			detail: { from: before.concurrent_patients, to: concurrentPatients }
		});
		return { ok: true } as const;
	});
}
