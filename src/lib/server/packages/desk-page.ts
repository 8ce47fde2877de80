import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { visitsForCourseMarks } from '../booking/patient-visit-reads';
import { listMainServices } from '../scheduling-settings/settings-repository';
import { listPatientPackages } from './patient-packages';
import { findLivePatientsByNumber, findPatient, findPatients } from '../patients/patient-repository';
import { getClinic } from '../clinic/clinic-repository';

/*
 * What the desk's page of a patient's prepaid courses shows (issue #18): the patient, their
 * courses, the booked visits a course may be marked for, and the names of everyone who shares one.
 */

/** The page's data, or null for an unknown, erased or merged patient. */
export async function loadPackageDesk(db: Db, patientId: string, actor: AuditActor, now = db.clock.now()) {
	const patient = await findPatient(db, patientId, ['id', 'family_name', 'given_name', 'patient_number'], { live: true, notErased: true });
	if (!patient) return null;
	const packages = await listPatientPackages(db, patient.id, actor);
	const visits = await visitsForCourseMarks(db, patient.id, now.toISOString());
	const people = await findPatients(
		db,
		[patient.id, ...packages.flatMap((p) => [p.holderPatientId, ...p.familyPatientIds, ...p.uses.map((u) => u.patientId)])],
		['id', 'family_name', 'given_name']
	);
	const clinic = await getClinic(db);
	return {
		patient: { id: patient.id, name: `${patient.family_name} ${patient.given_name}`.trim(), number: patient.patient_number },
		names: Object.fromEntries(people.map((p) => [p.id, `${p.family_name} ${p.given_name}`.trim()])),
		packages,
		visits: visits.map((v) => ({
			id: v.id,
			startsAt: v.starts_at,
			serviceId: v.service_id,
			serviceJa: v.name_ja ?? '',
			serviceEn: v.name_en ?? '',
			saleId: v.package_sale_id
		})),
		timeZone: clinic.time_zone
	};
}

/** The live patients with these patient numbers: the family members a course is shared with. */
export async function findPatientsByNumber(db: Db, numbers: readonly string[]): Promise<Array<{ id: string; patient_number: string | null }>> {
	return findLivePatientsByNumber(db, numbers);
}

/** The treatments a course may cover: every service that is not an add-on. */
export async function listCoverableServices(db: Db): Promise<Array<{ id: string; nameJa: string; nameEn: string }>> {
	const services = await listMainServices(db, { tieBreak: 'code' });
	return services.map((s) => ({ id: s.id, nameJa: s.name_ja, nameEn: s.name_en }));
}
