import type { CheckIn } from '../outcomes/check-in';
import type { Interval } from '../scheduling/interval';
import type { WeeklyPeriod } from '../scheduling/availability';

/*
 * What the database knows, as plain values, for one report. The server reads them for the period
 * (and the practitioner, when one is chosen); the aggregation in this folder never does I/O.
 */

export type ReportAppointmentStatus = 'booked' | 'arrived' | 'completed' | 'no_show' | 'cancelled' | 'blocked';

export interface ReportAppointment {
	id: string;
	patientId: string | null;
	practitionerId: string;
	bedId: string | null;
	serviceId: string | null;
	startsAt: string;
	endsAt: string;
	status: ReportAppointmentStatus;
}

/** A patient's first attended visit ever (arrived or completed), and with whom. */
export interface FirstVisit {
	patientId: string;
	startsAt: string;
	practitionerId: string;
}

export interface NamedResource {
	id: string;
	nameJa: string;
	nameEn: string;
}

export interface ReportPractitioner extends NamedResource {
	workingHours: readonly WeeklyPeriod[];
	timeOff: readonly Interval[];
}

export interface ReportChargeLine {
	kind: 'service' | 'add_on' | 'insurance_fee';
	serviceId: string | null;
	nameJa: string;
	nameEn: string;
	amountJpy: number;
}

export interface ReportCharge {
	id: string;
	serviceDate: string;
	practitionerId: string | null;
	payer: 'self_pay' | 'insurance';
	/** What the visit earns: self-pay lines plus the whole 療養費 (patient share and claim). */
	chargedJpy: number;
	/** What the patient owes. */
	dueJpy: number;
	voided: boolean;
	lines: readonly ReportChargeLine[];
}

export interface ReportPayment {
	chargeId: string;
	kind: 'payment' | 'refund';
	amountJpy: number;
	/** Clinic-local day received. */
	receivedOn: string;
}

/** An attended visit of a patient in the outcome cohort, for counting sessions. */
export interface ReportSession {
	id: string;
	patientId: string;
	practitionerId: string;
	startsAt: string;
}

export interface ReportInputs {
	appointments: readonly ReportAppointment[];
	firstVisits: readonly FirstVisit[];
	practitioners: readonly ReportPractitioner[];
	beds: readonly NamedResource[];
	services: readonly NamedResource[];
	openingHours: readonly WeeklyPeriod[];
	/** Clinic-local days the clinic was shut: closures, and public holidays it did not open. */
	closedDates: readonly string[];
	/** Charges up to the end of the period (older ones can still be owed). */
	charges: readonly ReportCharge[];
	/** Every payment and refund on those charges, whenever received. */
	payments: readonly ReportPayment[];
	checkIns: ReadonlyMap<string, readonly CheckIn[]>;
	sessions: readonly ReportSession[];
}
