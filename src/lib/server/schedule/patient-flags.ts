import { safetyMarksFor, type SafetyMark } from '../../domain/safety/safety-mark';
import type { TriageLevel } from '../../domain/triage/assess';
import { isFlagged } from '../../domain/triage/booking-triage';
import { patientsWithoutCurrentTreatmentConsent } from '../consent/patients-without-current-treatment-consent';
import { consentWarningsForPatients, type ConsentWarning } from '../billing/consent-warnings';
import type { Db } from '../db/database';
import { eligibilityWarningsForPatients } from '../jukyo/eligibility';
import type { EligibilityWarning } from '../../domain/jukyo/eligibility';
import { safetyAlertsForPatients } from '../intake/intake-service';
import type { ScheduledAppointment } from './list-day';

/** What the schedule shows beside a patient's name so nobody is surprised at the bed. */
export interface PatientFlags {
	redFlag: string | null;
	/** The level of the self-check brought with this booking, when it is above routine (docs/clinical-rules.md §1). */
	selfCheck: Exclude<TriageLevel, 'routine'> | null;
	/** The safety alerts, or for reception kept from clinical facts one mark without a diagnosis (issue #16). */
	alerts: SafetyMark[];
	noTreatmentConsent: boolean;
	/** The doctor's consent for 療養費 runs out within 30 days, or has run out without a renewal. */
	insuranceConsent: ConsentWarning | null;
	/** The 資格確認書 or card of the newest eligibility check ends within 30 days, or ended (issue #19). */
	insuranceCard?: EligibilityWarning | null;
}

/** The same appointments with their patients' flags: four reads for the whole day, not one per row. */
export async function withPatientFlags(db: Db, appointments: ScheduledAppointment[], options: { readsClinical: boolean }): Promise<ScheduledAppointment[]> {
	const patientIds = [...new Set(appointments.flatMap((a) => (a.patient ? [a.patient.id] : [])))];
	if (patientIds.length === 0) return appointments;
	const [alerts, withoutConsent, insuranceWarnings, cardWarnings] = await Promise.all([
		safetyAlertsForPatients(db, patientIds),
		patientsWithoutCurrentTreatmentConsent(db, patientIds),
		consentWarningsForPatients(db, patientIds),
		eligibilityWarningsForPatients(db, patientIds)
	]);
	return appointments.map((a) =>
		a.patient
			? {
					...a,
					flags: {
						redFlag: a.redFlagLevel,
						selfCheck: a.selfCheck && isFlagged(a.selfCheck.level) ? a.selfCheck.level : null,
						alerts: safetyMarksFor(alerts.get(a.patient.id) ?? [], options.readsClinical),
						noTreatmentConsent: withoutConsent.has(a.patient.id),
						insuranceConsent: insuranceWarnings.get(a.patient.id) ?? null,
						insuranceCard: cardWarnings.get(a.patient.id) ?? null
					}
				}
			: a
	);
}
