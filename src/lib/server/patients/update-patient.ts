import { emailKey } from '../../domain/patients/duplicates';
import { issueMessageKey } from '../http/field-errors';
import { romajiKey } from '../../domain/patients/normalise';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import type { StaffRole } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { enqueueJob } from '../jobs/queue';
import { EMAIL_CHANGED_JOB } from './email-changed-mail';
import { endPortalAccess } from './end-portal-access';
import { updatePatientRow } from './patient-repository';
import { ZUpdatePatientSchema, type TUpdatePatient } from './schemas';

/** Field name → message key (e.g. `postalCode: 'patients.error.postalCode'`, or a generic `validation.*`). */
export type PatientFieldCodes = Record<string, string>;

export type UpdatePatientResult = { ok: true } | { ok: false; code: 'invalid'; fields: PatientFieldCodes } | { ok: false; code: 'not_found' };

/** Who changes the record: the audit actor and their role, which decides whether the e-mail address may change. */
export interface PatientEditor {
	actor: AuditActor;
	role: StaffRole;
}

/**
 * Roles that may change a patient's e-mail address (issue #16). The address opens the record in
 * the portal: reception, who answer the phone to anyone, cannot redirect it.
 */
export const EMAIL_CHANGE_ROLES: readonly StaffRole[] = ['owner', 'practitioner'];

export function mayChangeEmail(role: StaffRole): boolean {
	return EMAIL_CHANGE_ROLES.includes(role);
}

/** The search key: the kana reading when there is one, otherwise the name as written (romaji names). */
export function searchKeyFor(p: Pick<TUpdatePatient, 'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana'>): string {
	const reading = `${p.familyNameKana}${p.givenNameKana}`;
	return romajiKey(reading !== '' ? reading : `${p.familyName}${p.givenName}`);
}

/**
 * Saves a change to a patient's record. `today` is the clinic's local date ('YYYY-MM-DD'). The
 * audit row names the fields that changed, never their values.
 *
 * A new e-mail address (issue #16) is for the owner and practitioners only, and only with
 * `confirmEmailChange: 'yes'` in the input (the form's checkbox). It counts as the desk's (checked)
 * address; the patient's portal sessions and unused sign-in links end, and the old address is told
 * by a mail through the job queue, so a patient whose address was changed behind their back hears of it.
 */
export async function updatePatient(
	db: Db,
	id: string,
	input: Record<string, unknown>,
	editor: PatientEditor,
	today: string,
	now = db.clock.now()
): Promise<UpdatePatientResult> {
	const { actor } = editor;
	const parsed = ZUpdatePatientSchema(today).safeParse(input);
	if (!parsed.success) {
		const fields: PatientFieldCodes = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path.map(String).join('.') || '_';
			fields[field] ??= issue.message.startsWith('patients.') || issue.message.startsWith('validation.') ? issue.message : issueMessageKey(issue);
		}
		return { ok: false, code: 'invalid', fields };
	}
	const data = parsed.data;
	return withTransaction(db, async (tx): Promise<UpdatePatientResult> => {
		const before = await tx.kysely.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirst();
		if (!before) return { ok: false, code: 'not_found' } as const;
		const emailChanged = emailKey(before.email) !== emailKey(data.email);
		if (emailChanged && !mayChangeEmail(editor.role)) return { ok: false, code: 'invalid', fields: { email: 'patients.error.emailChangeRole' } } as const;
		if (emailChanged && input.confirmEmailChange !== 'yes')
			return { ok: false, code: 'invalid', fields: { confirmEmailChange: 'patients.error.confirmEmailChange' } } as const;
		const values = {
			family_name: data.familyName,
			given_name: data.givenName,
			family_name_kana: data.familyNameKana,
			given_name_kana: data.givenNameKana,
			email: emailChanged ? data.email : before.email,
			phone: data.phone,
			date_of_birth: data.dateOfBirth,
			sex: data.sex,
			postal_code: data.postalCode,
			address: data.address,
			emergency_contact: data.emergencyContact,
			insurer_number: data.insurerNumber,
			insurance_symbol: data.insuranceSymbol,
			insurance_number: data.insuranceNumber,
			insurance_branch: data.insuranceBranch,
			preferred_locale: data.preferredLocale,
			romaji_key: searchKeyFor(data)
		};
		const changed = Object.entries(values)
			.filter(([column, value]) => before[column as keyof typeof before] !== value)
			.map(([column]) => column)
			.filter((column) => column !== 'romaji_key');
		await updatePatientRow(tx, id, { ...values, ...(emailChanged ? { email_source: 'desk' as const } : {}), updated_at: now.toISOString() });
		let portalAccessEnded: { sessions: number; links: number } | undefined;
		if (emailChanged) {
			portalAccessEnded = await endPortalAccess(tx, id);
			if (before.email.trim() !== '') {
				await enqueueJob(tx, EMAIL_CHANGED_JOB, { patientId: id, oldEmail: before.email.trim(), locale: before.preferred_locale }, undefined, now);
			}
		}
		await recordAudit(tx, actor, {
			action: 'patient.update',
			entityType: 'patient',
			entityId: id,
			patientId: id,
			detail: { changed, ...(portalAccessEnded ? { portalAccessEnded } : {}) }
		});
		return { ok: true } as const;
	});
}
