import type { Insertable } from 'kysely';
import type { Db } from '../db/database';
import type { DoctorTreatmentTable, EligibilityCheckTable, JukyoRegistrationTable } from '../db/schema-jukyo';

/*
 * The 受領委任 tables of the clinic and the patient (issue #19; docs/architecture.md, "One owner
 * per table"): every write to jukyo_registration (registration.ts), eligibility_check
 * (eligibility.ts) and doctor_treatment (doctor-treatment.ts). A use case keeps its transaction and
 * passes it as `db`.
 */

/** The clinic's first saved registration. */
export async function insertJukyoRegistration(db: Db, registration: Insertable<JukyoRegistrationTable>): Promise<void> {
	await db.kysely.insertInto('jukyo_registration').values(registration).execute();
}

/** A changed registration replaces the clinic's document. */
export async function updateJukyoRegistration(db: Db, clinicId: string, change: { document: string; updated_at: string; updated_by: string }): Promise<void> {
	await db.kysely.updateTable('jukyo_registration').set(change).where('clinic_id', '=', clinicId).execute();
}

/** One eligibility check (資格確認) as the desk recorded it; a later check is a row of its own. */
export async function insertEligibilityCheck(db: Db, check: Insertable<EligibilityCheckTable>): Promise<void> {
	await db.kysely.insertInto('eligibility_check').values(check).execute();
}

export async function insertDoctorTreatment(db: Db, treatment: Insertable<DoctorTreatmentTable>): Promise<void> {
	await db.kysely.insertInto('doctor_treatment').values(treatment).execute();
}

/** The doctor's treatment ended on `endedOn`. */
export async function setDoctorTreatmentEnded(db: Db, treatmentId: string, endedOn: string): Promise<void> {
	await db.kysely.updateTable('doctor_treatment').set({ ended_on: endedOn }).where('id', '=', treatmentId).execute();
}
