import { z } from 'zod';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { updateClinic } from './clinic-repository';

const line = (max: number) => z.string().trim().min(1).max(max);
const optionalLine = (max: number) => z.string().trim().max(max).default('');

export const ZClinicDetailsSchema = z.object({
	nameJa: line(100),
	nameEn: line(100),
	postalCode: z
		.string()
		.trim()
		.regex(/^\d{3}-?\d{4}$/, 'validation.invalid')
		.transform((v) => `${v.replace('-', '').slice(0, 3)}-${v.replace('-', '').slice(3)}`),
	addressJa: line(200),
	addressEn: line(200),
	phone: z
		.string()
		.trim()
		.regex(/^[0-9+\-() ]{6,20}$/, 'validation.invalid'),
	email: z.email().trim().max(254),
	accessJa: z.string().trim().max(1000),
	accessEn: z.string().trim().max(1000),
	// The business operator the privacy page names (APPI): empty falls back to the clinic's name and address.
	operatorNameJa: optionalLine(100),
	operatorNameEn: optionalLine(100),
	representativeJa: optionalLine(100),
	representativeEn: optionalLine(100),
	operatorAddressJa: optionalLine(200),
	operatorAddressEn: optionalLine(200)
});
export type TClinicDetails = z.infer<typeof ZClinicDetailsSchema>;

/** The owner changes what the public site shows about the clinic, without a deploy. */
export async function updateClinicDetails(db: Db, details: TClinicDetails, actor: AuditActor): Promise<void> {
	await withTransaction(db, async (tx) => {
		await updateClinic(tx, {
			name_ja: details.nameJa,
			name_en: details.nameEn,
			postal_code: details.postalCode,
			address_ja: details.addressJa,
			address_en: details.addressEn,
			phone: details.phone,
			email: details.email,
			access_ja: details.accessJa,
			access_en: details.accessEn,
			operator_name_ja: details.operatorNameJa,
			operator_name_en: details.operatorNameEn,
			representative_ja: details.representativeJa,
			representative_en: details.representativeEn,
			operator_address_ja: details.operatorAddressJa,
			operator_address_en: details.operatorAddressEn
		});
		await recordAudit(tx, actor, { action: 'clinic.details_changed', entityType: 'clinic' });
	});
}
