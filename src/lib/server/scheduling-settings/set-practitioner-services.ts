import { mayOfferService } from '../../domain/scheduling/settings-rules';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lockPractitioner } from './row-locks';
import { replacePractitionerServices } from './settings-repository';

export type SetPractitionerServicesResult =
	{ ok: true } | { ok: false; code: 'not_found' | 'unknown_service' } | { ok: false; code: 'kyu_licence_required'; serviceIds: string[] };

/** The services a practitioner performs; a moxibustion-only one needs their きゅう師 licence (docs/clinical-rules.md §6). */
export async function setPractitionerServices(
	db: Db,
	practitionerId: string,
	serviceIds: readonly string[],
	actor: AuditActor
): Promise<SetPractitionerServicesResult> {
	const wanted = [...new Set(serviceIds)];
	return withTransaction(db, async (tx) => {
		// The licence is read under the lock that a licence change takes too (update-practitioner-licences).
		const practitioner = await lockPractitioner(tx, practitionerId);
		if (!practitioner) return { ok: false, code: 'not_found' } as const;
		const services = wanted.length > 0 ? await tx.kysely.selectFrom('service').select(['id', 'code']).where('id', 'in', wanted).execute() : [];
		if (services.length !== wanted.length) return { ok: false, code: 'unknown_service' } as const;
		const refused = services.filter((s) => !mayOfferService(s.code, { kyuLicence: practitioner.kyu_licence }));
		if (refused.length > 0) return { ok: false, code: 'kyu_licence_required', serviceIds: refused.map((s) => s.id) } as const;
		await replacePractitionerServices(tx, practitionerId, wanted);
		const detail = { services: services.map((s) => s.code).sort() };
		await recordAudit(tx, actor, { action: 'scheduling.practitioner_services_changed', entityType: 'practitioner', entityId: practitionerId, detail });
		return { ok: true } as const;
	});
}
