import type { Db } from '../db/database';
import type { StaffRole } from '../db/schema';
import { findPractitionerIdOfStaff, listAllPractitionerNamesByName } from '../scheduling-settings/settings-repository';

export type ReportViewer = { ok: true; practitionerId: string | null; mayChoosePractitioner: boolean } | { ok: false };

/**
 * Whose figures a staff member may see: the owner the whole clinic (or any one practitioner), a
 * practitioner only their own. A practitioner account not linked to a practitioner sees nothing.
 */
export async function reportViewer(db: Db, staff: { id: string; role: StaffRole }, requested: string | null): Promise<ReportViewer> {
	if (staff.role === 'owner') return { ok: true, practitionerId: requested, mayChoosePractitioner: true };
	if (staff.role !== 'practitioner') return { ok: false };
	const own = await findPractitionerIdOfStaff(db, staff.id);
	return own ? { ok: true, practitionerId: own.id, mayChoosePractitioner: false } : { ok: false };
}

export async function listReportPractitioners(db: Db): Promise<Array<{ id: string; nameJa: string; nameEn: string }>> {
	const rows = await listAllPractitionerNamesByName(db);
	return rows.map((p) => ({ id: p.id, nameJa: `${p.family_name_ja} ${p.given_name_ja}`.trim(), nameEn: `${p.given_name_en} ${p.family_name_en}`.trim() }));
}
