import { mergeContact, type ContactChoice, type ContactChange, type ContactDetails, type ContactField } from '../../domain/patients/merge-contact';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { endPortalAccess } from './end-portal-access';
import { claimUnmergedPatients, markPatientMerged, updatePatientRow } from './patient-repository';
import { searchKeyFor } from './update-patient';

/** Every table whose rows belong to a patient and move, untouched otherwise, to the survivor. */
export const MOVED_TABLES = [
	'appointment',
	'intake',
	'consent_signature',
	'outcome_check_in',
	'side_effect_report',
	'aftercare_note',
	'deletion_request',
	'examination',
	'treatment_plan',
	'contraindication_override',
	'treatment_session',
	'adverse_event',
	'clinic_instrument_score',
	// Money follows the patient too (issue #8); the billing triggers let only patient_id change.
	'doctor_consent',
	'charge',
	'payment',
	'receipt',
	// The waiting list's wishes, series, fees and recall invitations follow the patient (issue #17).
	'waitlist_entry',
	'appointment_series',
	'cancellation_fee',
	'recall_invitation',
	// 受領委任 (issue #19): eligibility checks and a doctor's own treatment follow the patient.
	'eligibility_check',
	'doctor_treatment',
	// The 施術報告書 given to the doctor follows the patient with the consent it was given under.
	'jukyo_doctor_report',
	// Prepaid courses follow the patient (issue #18); the triggers let only patient_id change.
	'package_sale',
	'package_entry',
	'package_family_member',
	'package_plan',
	// A month's claim versions and signed confirmations follow the patient (issue #19).
	'jukyo_claim_version',
	'jukyo_month_confirmation',
	'jukyo_claim_outcome'
] as const;

/** Sign-in material of the merged record: deleted, so nobody signs in to a record that no longer stands alone. */
export const DELETED_TABLES = ['patient_session', 'patient_magic_link', 'line_link', 'line_login_attempt', 'line_delivery_failure'] as const;

/**
 * Details the survivor takes from the merged record when its own are empty. Never the contact
 * details (e-mail, phone, postal address): the desk chooses those (domain/patients/merge-contact.ts).
 */
const FILLED_FIELDS = ['given_name', 'family_name_kana', 'given_name_kana', 'date_of_birth', 'sex', 'emergency_contact'] as const;

export type MovedTable = (typeof MOVED_TABLES)[number];

export interface MergePatientsInput {
	survivorId: string;
	mergedId: string;
	/** Which record each contact field is taken from; required for every field the two differ on. */
	contact?: Partial<Record<ContactField, ContactChoice>>;
	/** The desk confirmed with the patient that the e-mail address kept is theirs. */
	emailConfirmed?: boolean;
}

export type MergePatientsResult =
	| { ok: true; survivorId: string; moved: Record<MovedTable, number>; filled: string[]; contact: ContactChange[] }
	| { ok: false; code: 'same_record' | 'not_found' | 'already_merged' | 'email_unconfirmed' }
	| { ok: false; code: 'contact_unchosen'; fields: ContactField[] };

const contactOf = (p: { email: string; email_source: 'booking' | 'desk'; phone: string; postal_code: string; address: string }): ContactDetails => ({
	email: p.email,
	emailSource: p.email_source,
	phone: p.phone,
	postalCode: p.postal_code,
	address: p.address
});

const isEmpty = (value: string | null) => value === null || value.trim() === '';

/**
 * Merges a duplicate record into the one that survives, in one transaction: every row of the
 * merged record moves to the survivor (nothing clinical is deleted), the survivor's empty details
 * are filled from the merged record, and the merged record is kept, marked with `merged_into_id`,
 * so old links and the audit trail still resolve. The contact details are the desk's explicit choice
 * (an address from an online booking only once confirmed with the patient); the audit row names
 * both ids and the contact values before and after. When the survivor's e-mail address changes,
 * its portal sessions and sign-in links end: they were opened through the old address.
 */
export async function mergePatients(db: Db, input: MergePatientsInput, actor: AuditActor, now = db.clock.now()): Promise<MergePatientsResult> {
	const { survivorId, mergedId } = input;
	if (survivorId === mergedId) return { ok: false, code: 'same_record' };
	return withTransaction(db, async (tx) => {
		const stamp = now.toISOString();
		// Claim both records first with an update that changes nothing: on PostgreSQL it locks the
		// rows, so two merges of the same records queue here and the second sees the first's result.
		const claimed = await claimUnmergedPatients(tx, [survivorId, mergedId]);
		const rows = await tx.kysely.selectFrom('patient').selectAll().where('id', 'in', [survivorId, mergedId]).execute();
		const survivor = rows.find((r) => r.id === survivorId);
		const merged = rows.find((r) => r.id === mergedId);
		if (!survivor || !merged) return { ok: false, code: 'not_found' } as const;
		if (claimed !== 2) return { ok: false, code: 'already_merged' } as const;
		const contact = mergeContact(contactOf(survivor), contactOf(merged), input.contact ?? {}, input.emailConfirmed === true);
		if (!contact.ok) return contact;

		// One active treatment plan per patient (a unique index): the survivor's stays active, and the
		// merged record's, moved with its history, is closed.
		const survivorPlan = await tx.kysely
			.selectFrom('treatment_plan')
			.select('id')
			.where('patient_id', '=', survivorId)
			.where('status', '=', 'active')
			.executeTakeFirst();
		if (survivorPlan) {
			await tx.kysely
				.updateTable('treatment_plan')
				.set({ status: 'closed', updated_at: stamp })
				.where('patient_id', '=', mergedId)
				.where('status', '=', 'active')
				.execute();
		}
		const moved = {} as Record<MovedTable, number>;
		for (const table of MOVED_TABLES) {
			const result = await tx.kysely.updateTable(table).set({ patient_id: survivorId }).where('patient_id', '=', mergedId).executeTakeFirst();
			moved[table] = Number(result.numUpdatedRows);
		}
		for (const table of DELETED_TABLES) await tx.kysely.deleteFrom(table).where('patient_id', '=', mergedId).execute();

		const fill: Partial<Record<(typeof FILLED_FIELDS)[number], string>> = {};
		for (const field of FILLED_FIELDS) {
			const value = merged[field];
			if (isEmpty(survivor[field]) && !isEmpty(value)) fill[field] = value!;
		}
		const filled = Object.keys(fill);
		const after = { ...survivor, ...fill };
		await updatePatientRow(tx, survivorId, {
			...fill,
			email: contact.contact.email,
			email_source: contact.contact.emailSource,
			phone: contact.contact.phone,
			postal_code: contact.contact.postalCode,
			address: contact.contact.address,
			romaji_key: searchKeyFor({
				familyName: after.family_name,
				givenName: after.given_name,
				familyNameKana: after.family_name_kana,
				givenNameKana: after.given_name_kana
			}),
			updated_at: stamp
		});
		await markPatientMerged(tx, mergedId, survivorId, stamp);
		const emailChanged = survivor.email.trim().toLowerCase() !== contact.contact.email.toLowerCase();
		if (emailChanged) await endPortalAccess(tx, survivorId);
		await recordAudit(tx, actor, {
			action: 'patient.merge',
			entityType: 'patient',
			entityId: mergedId,
			patientId: survivorId,
			detail: {
				survivorId,
				mergedId,
				moved,
				filled,
				contact: contact.changes,
				emailConfirmedWithPatient: input.emailConfirmed === true,
				portalAccessEnded: emailChanged
			}
		});
		return { ok: true, survivorId, moved, filled, contact: contact.changes } as const;
	});
}
