import { romajiKey } from '../../domain/patients/normalise';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { ZUpdatePatientSchema, type TUpdatePatient } from './schemas';

/** Field name → message key (e.g. `postalCode: 'patients.error.postalCode'`, or a generic `validation.*`). */
export type PatientFieldCodes = Record<string, string>;

export type UpdatePatientResult =
	| { ok: true }
	| { ok: false; code: 'invalid'; fields: PatientFieldCodes }
	| { ok: false; code: 'not_found' };

/** The search key: the kana reading when there is one, otherwise the name as written (romaji names). */
export function searchKeyFor(p: Pick<TUpdatePatient, 'familyName' | 'givenName' | 'familyNameKana' | 'givenNameKana'>): string {
	const reading = `${p.familyNameKana}${p.givenNameKana}`;
	return romajiKey(reading !== '' ? reading : `${p.familyName}${p.givenName}`);
}

/**
 * Saves a change to a patient's record. `today` is the clinic's local date ('YYYY-MM-DD'). The
 * audit row names the fields that changed, never their values.
 */
export async function updatePatient(
	db: Db,
	id: string,
	input: Record<string, unknown>,
	actor: AuditActor,
	today: string,
	now = db.clock.now()
): Promise<UpdatePatientResult> {
	const parsed = ZUpdatePatientSchema(today).safeParse(input);
	if (!parsed.success) {
		const fields: PatientFieldCodes = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path.map(String).join('.') || '_';
			fields[field] ??= issue.message.startsWith('patients.') || issue.message.startsWith('validation.') ? issue.message : `validation.${issue.code}`;
		}
		return { ok: false, code: 'invalid', fields };
	}
	const data = parsed.data;
	return withTransaction(db, async (tx) => {
		const before = await tx.kysely.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirst();
		if (!before) return { ok: false, code: 'not_found' } as const;
		const values = {
			family_name: data.familyName,
			given_name: data.givenName,
			family_name_kana: data.familyNameKana,
			given_name_kana: data.givenNameKana,
			email: data.email,
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
		await tx.kysely
			.updateTable('patient')
			.set({ ...values, updated_at: now.toISOString() })
			.where('id', '=', id)
			.execute();
		await recordAudit(tx, actor, { action: 'patient.update', entityType: 'patient', entityId: id, patientId: id, detail: { changed } });
		return { ok: true } as const;
	});
}
