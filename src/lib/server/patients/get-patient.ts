import type { AppointmentStatus } from '../db/schema';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';

export interface PatientRecord {
	id: string;
	patientNumber: string | null;
	familyName: string;
	givenName: string;
	familyNameKana: string;
	givenNameKana: string;
	email: string;
	/** 'booking': typed into the online booking form and not yet confirmed with the patient. */
	emailSource: 'booking' | 'desk';
	phone: string;
	dateOfBirth: string | null;
	sex: string;
	postalCode: string;
	address: string;
	emergencyContact: string;
	/** Health-insurance card (optional): 保険者番号, 記号, 番号, 枝番. */
	insurance: { insurerNumber: string; symbol: string; number: string; branch: string };
	preferredLocale: 'ja' | 'en';
	createdAt: string;
	updatedAt: string | null;
	/** Set when this record was merged into another: the survivor's id, where its history now is. */
	mergedIntoId: string | null;
}

export interface PatientAppointment {
	id: string;
	startsAt: string;
	endsAt: string;
	status: AppointmentStatus;
	serviceJa: string | null;
	serviceEn: string | null;
	practitionerJa: string;
	practitionerEn: string;
	/** The self-check brought with this booking, when it reached above routine (docs/clinical-rules.md §1). */
	selfCheckLevel: 'emergency' | 'urgent' | 'see_doctor' | null;
}

export interface PatientView {
	patient: PatientRecord;
	appointments: PatientAppointment[];
}

/** Appointments shown on a record: enough history for the desk, not the whole life of the clinic. */
const APPOINTMENT_LIMIT = 100;

/** One patient's record and appointments, newest first; the read is audited. Null for an unknown id. */
export async function getPatient(db: Db, id: string, actor: AuditActor): Promise<PatientView | null> {
	// Both reads go out together: one wait for the database instead of two (issue #21, chart open).
	const patient = db.kysely.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirst();
	const history = db.kysely
		.selectFrom('appointment')
		.innerJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.leftJoin('service', 'service.id', 'appointment.service_id')
		.select([
			'appointment.id',
			'appointment.starts_at',
			'appointment.ends_at',
			'appointment.status',
			'appointment.triage_level',
			'service.name_ja as service_ja',
			'service.name_en as service_en',
			'practitioner.family_name_ja',
			'practitioner.given_name_ja',
			'practitioner.family_name_en',
			'practitioner.given_name_en'
		])
		.where('appointment.patient_id', '=', id)
		.orderBy('appointment.starts_at', 'desc')
		.limit(APPOINTMENT_LIMIT)
		.execute();
	const [row, appointments] = await Promise.all([patient, history]);
	if (!row) return null;
	await recordAudit(db, actor, { action: 'patient.read', entityType: 'patient', entityId: id, patientId: id });
	return {
		patient: {
			id: row.id,
			patientNumber: row.patient_number,
			familyName: row.family_name,
			givenName: row.given_name,
			familyNameKana: row.family_name_kana,
			givenNameKana: row.given_name_kana,
			email: row.email,
			emailSource: row.email_source,
			phone: row.phone,
			dateOfBirth: row.date_of_birth,
			sex: row.sex,
			postalCode: row.postal_code,
			address: row.address,
			emergencyContact: row.emergency_contact,
			insurance: { insurerNumber: row.insurer_number, symbol: row.insurance_symbol, number: row.insurance_number, branch: row.insurance_branch },
			preferredLocale: row.preferred_locale,
			createdAt: row.created_at,
			updatedAt: row.updated_at,
			mergedIntoId: row.merged_into_id
		},
		appointments: appointments.map((a) => ({
			id: a.id,
			startsAt: a.starts_at,
			endsAt: a.ends_at,
			status: a.status,
			serviceJa: a.service_ja,
			serviceEn: a.service_en,
			practitionerJa: `${a.family_name_ja} ${a.given_name_ja}`,
			practitionerEn: `${a.given_name_en} ${a.family_name_en}`,
			selfCheckLevel: a.triage_level === 'emergency' || a.triage_level === 'urgent' || a.triage_level === 'see_doctor' ? a.triage_level : null
		}))
	};
}

/** A patient's id and name, unless the record was erased. */
export async function findUnerasedPatientName(db: Db, id: string): Promise<{ id: string; family_name: string; given_name: string } | undefined> {
	return db.kysely.selectFrom('patient').select(['id', 'family_name', 'given_name']).where('id', '=', id).where('erased_at', 'is', null).executeTakeFirst();
}
