import { consentWarning, type ConsentWarning } from '../../domain/billing/consent-warning';
import type { Db } from '../db/database';
import { localDate } from '../../domain/time';
import { clinicTimeZone } from '../clinic/clinic-settings';

export type { ConsentWarning };

/**
 * Doctor's-consent warnings (expiring within 30 days, or expired and not renewed) for the patients
 * on a schedule or chart: one query for all of them. Reads dates only, never the conditions.
 */
export async function consentWarningsForPatients(
	db: Db,
	patientIds: readonly string[],
	options: { today?: string; now?: Date } = {}
): Promise<Map<string, ConsentWarning>> {
	const warnings = new Map<string, ConsentWarning>();
	if (patientIds.length === 0) return warnings;
	const timeZone = await clinicTimeZone(db);
	const today = options.today ?? localDate((options.now ?? db.clock.now()).getTime(), timeZone);
	const rows = await db.kysely
		.selectFrom('doctor_consent')
		.select(['patient_id', 'signed_on', 'created_at', 'expires_on'])
		.where('patient_id', 'in', [...patientIds])
		.execute();
	const byPatient = new Map<string, Array<{ signedOn: string; createdAt: string; expiresOn: string | null }>>();
	for (const r of rows)
		byPatient.set(r.patient_id, [...(byPatient.get(r.patient_id) ?? []), { signedOn: r.signed_on, createdAt: r.created_at, expiresOn: r.expires_on }]);
	for (const [patientId, consents] of byPatient) {
		const warning = consentWarning(consents, today);
		if (warning) warnings.set(patientId, warning);
	}
	return warnings;
}
