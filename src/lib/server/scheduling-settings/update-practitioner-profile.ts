import { formatLanguages } from '../../domain/scheduling/profile-languages';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { lockPractitioner } from './row-locks';
import type { TPractitionerProfile } from './schemas';
import { updatePractitioner } from './settings-repository';

export type UpdateProfileResult = { ok: true } | { ok: false; code: 'not_found' };

/** The short bios and spoken languages patients read where they choose a practitioner (issue #22). */
export async function updatePractitionerProfile(
	db: Db,
	practitionerId: string,
	profile: TPractitionerProfile,
	actor: AuditActor
): Promise<UpdateProfileResult> {
	return withTransaction(db, async (tx) => {
		if (!(await lockPractitioner(tx, practitionerId))) return { ok: false, code: 'not_found' } as const;
		const languages = formatLanguages(profile.languages);
		await updatePractitioner(tx, practitionerId, { bio_ja: profile.bioJa, bio_en: profile.bioEn, languages });
		await recordAudit(tx, actor, {
			action: 'scheduling.practitioner_profile_changed',
			entityType: 'practitioner',
			entityId: practitionerId,
			detail: { ...profile }
		});
		return { ok: true } as const;
	});
}
