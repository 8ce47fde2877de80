import type { AuditActor } from '../audit/audit-log';
import type { Db } from '../db/database';
import { findVisitPractitionerNames } from '../booking/visit-reads-for-billing';
import { findBillingClinic } from './billing-repository';
import { getCharge, type ChargeView } from './charge-view';
import { chargeAccess, mayHandleMoney, type DeskViewer } from './desk-access';
import { getPatient } from '../patients/patient-repository';
import { findClinic } from '../clinic/clinic-repository';

/** The charge page: the charge, whose it is, and whether the viewer may change it. Money only: no notes. */
export interface ChargeDesk {
	charge: ChargeView;
	patient: { id: string; patientNumber: string | null; familyName: string; givenName: string };
	practitioner: { nameJa: string; nameEn: string } | null;
	timeZone: string;
	/** The 適格請求書発行事業者 registration number its receipts carry; '' when none. */
	invoiceRegistrationNumber: string;
	/** Reception and the owner take money; a practitioner only reads. */
	mayChange: boolean;
}

export type ChargeDeskResult = { ok: true; desk: ChargeDesk } | { ok: false; code: 'not_found' | 'forbidden' };

export async function loadChargeDesk(db: Db, chargeId: string, viewer: DeskViewer, actor: AuditActor): Promise<ChargeDeskResult> {
	const access = await chargeAccess(db, chargeId, viewer);
	if (access !== 'ok') return { ok: false, code: access };
	const charge = await getCharge(db, chargeId, actor);
	if (!charge) return { ok: false, code: 'not_found' };
	const [patient, practitioner, clinic, registration] = await Promise.all([
		getPatient(db, charge.patientId, ['id', 'patient_number', 'family_name', 'given_name']),
		charge.appointmentId ? findVisitPractitionerNames(db, charge.appointmentId) : undefined,
		findBillingClinic(db),
		findClinic(db)
	]);
	return {
		ok: true,
		desk: {
			charge,
			patient: { id: patient.id, patientNumber: patient.patient_number, familyName: patient.family_name, givenName: patient.given_name },
			practitioner: practitioner
				? { nameJa: `${practitioner.family_name_ja} ${practitioner.given_name_ja}`, nameEn: `${practitioner.given_name_en} ${practitioner.family_name_en}` }
				: null,
			timeZone: clinic.timeZone,
			invoiceRegistrationNumber: registration?.invoice_registration_number ?? '',
			mayChange: mayHandleMoney(viewer)
		}
	};
}
