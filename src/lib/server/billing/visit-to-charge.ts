import { localDate } from '../../domain/time';
import type { Db } from '../db/database';
import { findVisitForCharge } from '../booking/visit-reads-for-billing';
import { listAddOnServices } from '../scheduling-settings/settings-repository';
import type { AppointmentStatus } from '../db/schema';
import { findBillingClinic } from './billing-repository';

export interface PricedService {
	id: string;
	nameJa: string;
	nameEn: string;
	priceJpy: number;
}

/** What the desk needs to charge one visit: who, what, when, and whether it is charged already. Money only: no notes. */
export interface VisitToCharge {
	appointmentId: string;
	status: AppointmentStatus;
	serviceDate: string;
	startsAt: string;
	timeZone: string;
	patient: { id: string; patientNumber: string | null; familyName: string; givenName: string; hasInsurerNumber: boolean };
	service: PricedService | null;
	practitioner: { nameJa: string; nameEn: string; staffId: string | null };
	/** The charge that stands for this visit (not voided), if any. */
	liveChargeId: string | null;
	/** Add-ons the desk may put on the charge. */
	addOns: PricedService[];
}

export async function findVisitToCharge(db: Db, appointmentId: string): Promise<VisitToCharge | null> {
	const row = await findVisitForCharge(db, appointmentId);
	if (!row) return null;
	const clinic = await findBillingClinic(db);
	const [live, addOns] = await Promise.all([
		db.kysely
			.selectFrom('charge')
			.select('id')
			.where('appointment_id', '=', appointmentId)
			.where(({ not, exists, selectFrom }) => not(exists(selectFrom('charge_void').select('charge_id').whereRef('charge_void.charge_id', '=', 'charge.id'))))
			.executeTakeFirst(),
		listAddOnServices(db)
	]);
	return {
		appointmentId: row.id,
		status: row.status,
		serviceDate: localDate(Date.parse(row.starts_at), clinic.timeZone),
		startsAt: row.starts_at,
		timeZone: clinic.timeZone,
		patient: {
			id: row.patient_id,
			patientNumber: row.patient_number,
			familyName: row.family_name,
			givenName: row.given_name,
			hasInsurerNumber: (row.insurer_number ?? '').trim() !== ''
		},
		service: row.service_id ? { id: row.service_id, nameJa: row.service_ja ?? '', nameEn: row.service_en ?? '', priceJpy: Number(row.price_jpy) } : null,
		practitioner: { nameJa: `${row.family_name_ja} ${row.given_name_ja}`, nameEn: `${row.given_name_en} ${row.family_name_en}`, staffId: row.staff_id },
		liveChargeId: live?.id ?? null,
		addOns: addOns.map((s) => ({ id: s.id, nameJa: s.name_ja, nameEn: s.name_en, priceJpy: Number(s.price_jpy) }))
	};
}
