import { needsKyuLicence } from '../../domain/scheduling/settings-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lockPractitioner } from './row-locks';
import type { TPractitionerLicences } from './schemas';
import { updatePractitioner } from './settings-repository';

export type UpdateLicencesResult = { ok: true } | { ok: false; code: 'not_found' } | { ok: false; code: 'kyu_licence_in_use'; serviceCodes: string[] };

/**
 * The はり師 and きゅう師 licence numbers (docs/clinical-rules.md §6: record each). The きゅう師 number cannot be
 * cleared while the practitioner still offers a moxibustion-only service.
 */
export async function updatePractitionerLicences(
	db: Db,
	practitionerId: string,
	licences: TPractitionerLicences,
	actor: AuditActor
): Promise<UpdateLicencesResult> {
	return withTransaction(db, async (tx) => {
		const practitioner = await lockPractitioner(tx, practitionerId);
		if (!practitioner) return { ok: false, code: 'not_found' } as const;
		if (!licences.kyuLicence) {
			const offered = await tx.kysely
				.selectFrom('practitioner_service')
				.innerJoin('service', 'service.id', 'practitioner_service.service_id')
				.select('service.code')
				.where('practitioner_service.practitioner_id', '=', practitionerId)
				.execute();
			const moxibustion = offered.map((s) => s.code).filter(needsKyuLicence);
			if (moxibustion.length > 0) return { ok: false, code: 'kyu_licence_in_use', serviceCodes: moxibustion } as const;
		}
		await updatePractitioner(tx, practitionerId, { hari_licence: licences.hariLicence, kyu_licence: licences.kyuLicence });
		const detail = { hari: licences.hariLicence !== null, kyu: licences.kyuLicence !== null };
		await recordAudit(tx, actor, { action: 'scheduling.practitioner_licences_changed', entityType: 'practitioner', entityId: practitionerId, detail });
		return { ok: true } as const;
	});
}
