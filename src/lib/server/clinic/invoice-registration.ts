import { z } from 'zod';
import { normalizeInvoiceRegistrationNumber } from '../../domain/billing/invoice-registration';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { updateClinic } from './clinic-repository';

/** The registration number as typed; empty clears it. */
export const ZInvoiceRegistrationSchema = z.object({
	invoiceRegistrationNumber: z
		.string()
		.max(40)
		.default('')
		.transform((v, ctx) => {
			const stored = normalizeInvoiceRegistrationNumber(v);
			if (stored === null) ctx.addIssue({ code: 'custom', message: 'desk.error.invoiceRegistrationNumber' });
			return stored ?? '';
		})
});
export type TInvoiceRegistration = z.output<typeof ZInvoiceRegistrationSchema>;

/** The clinic's 適格請求書発行事業者 registration number, printed on every receipt from now on. */
export async function setInvoiceRegistrationNumber(db: Db, input: TInvoiceRegistration, actor: AuditActor): Promise<void> {
	await withTransaction(db, async (tx) => {
		await updateClinic(tx, { invoice_registration_number: input.invoiceRegistrationNumber });
		await recordAudit(tx, actor, { action: 'clinic.invoice_registration_changed', entityType: 'clinic', detail: { number: input.invoiceRegistrationNumber } });
	});
}
