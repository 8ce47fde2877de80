import type { AlertSeverity, SafetyAlertCode } from '../../domain/safety/alerts';
import { patientsWithoutCurrentTreatmentConsent } from '../consent/patients-without-current-treatment-consent';
import type { Db } from '../db/database';
import { safetyAlertsForPatients } from '../intake/intake-service';
import type { ScheduledAppointment } from './list-day';

/** What the schedule shows beside a patient's name so nobody is surprised at the bed. */
export interface PatientFlags {
	redFlag: string | null;
	alerts: Array<{ code: SafetyAlertCode; severity: AlertSeverity }>;
	noTreatmentConsent: boolean;
}

/** The same appointments with their patients' flags: three reads for the whole day, not one per row. */
export async function withPatientFlags(db: Db, appointments: ScheduledAppointment[]): Promise<ScheduledAppointment[]> {
	const patientIds = [...new Set(appointments.flatMap((a) => (a.patient ? [a.patient.id] : [])))];
	if (patientIds.length === 0) return appointments;
	const [alerts, withoutConsent] = await Promise.all([
		safetyAlertsForPatients(db, patientIds),
		patientsWithoutCurrentTreatmentConsent(db, patientIds)
	]);
	return appointments.map((a) =>
		a.patient
			? {
					...a,
					flags: {
						redFlag: a.redFlagLevel,
						alerts: (alerts.get(a.patient.id) ?? []).map(({ code, severity }) => ({ code, severity })),
						noTreatmentConsent: withoutConsent.has(a.patient.id)
					}
				}
			: a
	);
}
