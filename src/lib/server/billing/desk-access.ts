import type { Db } from '../db/database';
import type { StaffRole } from '../db/schema';

/** Who is at the billing desk: the signed-in staff member and their role. */
export interface DeskViewer {
	id: string;
	role: StaffRole;
}

export type ChargeAccess = 'ok' | 'not_found' | 'forbidden';

/** Reception and the owner handle money; a practitioner may only look at the charges of their own visits (issue #8). */
export function mayHandleMoney(viewer: DeskViewer): boolean {
	return viewer.role === 'owner' || viewer.role === 'reception';
}

/** Whether the viewer may see this charge: the desk sees all, a practitioner only the visits they treated. */
export async function chargeAccess(db: Db, chargeId: string, viewer: DeskViewer): Promise<ChargeAccess> {
	const row = await db.kysely
		.selectFrom('charge')
		.leftJoin('appointment', 'appointment.id', 'charge.appointment_id')
		.leftJoin('practitioner', 'practitioner.id', 'appointment.practitioner_id')
		.select(['charge.id', 'practitioner.staff_id'])
		.where('charge.id', '=', chargeId)
		.executeTakeFirst();
	if (!row) return 'not_found';
	if (mayHandleMoney(viewer)) return 'ok';
	return viewer.role === 'practitioner' && row.staff_id === viewer.id ? 'ok' : 'forbidden';
}

/** The charge a receipt belongs to, for the same access rule; null when the receipt is unknown. */
export async function chargeOfReceipt(db: Db, receiptId: string): Promise<string | null> {
	const row = await db.kysely.selectFrom('receipt').select('charge_id').where('id', '=', receiptId).executeTakeFirst();
	return row?.charge_id ?? null;
}

/** Whether a receipt was issued for this charge: a charge's page reissues only its own receipts. */
export async function isReceiptOfCharge(db: Db, receiptId: string, chargeId: string): Promise<boolean> {
	return (await chargeOfReceipt(db, receiptId)) === chargeId;
}
