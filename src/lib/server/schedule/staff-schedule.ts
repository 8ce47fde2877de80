import { recordAudit, type AuditActor } from '../audit/audit-log';
import { mayReadClinical } from '../clinic/security-settings';
import type { Db } from '../db/database';
import type { StaffRole } from '../db/schema';
import { listDays, type ScheduledAppointment } from './list-day';
import { withPatientFlags } from './patient-flags';

/**
 * The schedule as a staff member sees it (the day and the week views): the appointments with their
 * patients' flags, the safety alerts as the viewer's role may read them (reception kept from
 * clinical facts sees one mark without a diagnosis), and one audit row naming the days and how
 * many patients were shown: the day list shows personal data, so reading it is a lookup (issue #16).
 */
export async function loadStaffSchedule(
	db: Db,
	from: string,
	to: string,
	timeZone: string,
	viewer: { actor: AuditActor; role: StaffRole }
): Promise<ScheduledAppointment[]> {
	const readsClinical = await mayReadClinical(db, viewer.role);
	const appointments = await withPatientFlags(db, await listDays(db, from, to, timeZone), { readsClinical });
	const patients = new Set(appointments.flatMap((a) => (a.patient ? [a.patient.id] : []))).size;
	await recordAudit(db, viewer.actor, { action: 'schedule.read', detail: { from, to, patients } });
	return appointments;
}
