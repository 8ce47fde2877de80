import { eligibilityWarning, ELIGIBILITY_WARNING_DAYS, type EligibilityWarning } from '../../domain/jukyo/eligibility';
import { addDays } from '../../domain/time';
import type { Db } from '../db/database';

/**
 * Every patient whose newest eligibility check shows a 資格確認書 or card ending within 30 days, or
 * ended up to 90 days ago (domain/jukyo/eligibility.ts `eligibilityWarning`): the dashboard's count,
 * as listExpiringDoctorConsents gives the consents. Dates only, no insurance numbers.
 */
export async function listExpiringEligibilityCards(db: Db, options: { today: string }): Promise<Array<{ patientId: string } & EligibilityWarning>> {
	const { today } = options;
	const candidates = db.kysely
		.selectFrom('eligibility_check')
		.select('patient_id')
		.where('valid_until', '>=', addDays(today, -90))
		.where('valid_until', '<=', addDays(today, ELIGIBILITY_WARNING_DAYS));
	const rows = await db.kysely
		.selectFrom('eligibility_check as c')
		.innerJoin('patient as p', 'p.id', 'c.patient_id')
		.select(['c.patient_id', 'c.checked_on', 'c.checked_at', 'c.valid_until'])
		.where('p.merged_into_id', 'is', null)
		.where('c.patient_id', 'in', candidates)
		.execute();
	const byPatient = new Map<string, Array<{ checkedOn: string; checkedAt: string; validUntil: string | null }>>();
	for (const r of rows)
		byPatient.set(r.patient_id, [...(byPatient.get(r.patient_id) ?? []), { checkedOn: r.checked_on, checkedAt: r.checked_at, validUntil: r.valid_until }]);
	const warnings: Array<{ patientId: string } & EligibilityWarning> = [];
	for (const [patientId, checks] of byPatient) {
		const warning = eligibilityWarning(checks, today);
		if (warning) warnings.push({ patientId, ...warning });
	}
	return warnings.sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.patientId.localeCompare(b.patientId));
}
