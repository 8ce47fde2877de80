import { deskDay, unconfirmedVisits, type DeskStatus, type DeskVisitFacts } from '../../domain/console/desk-day';
import { addDays, localDate } from '../../domain/time';
import type { AuditActor } from '../audit/audit-log';
import { chargedAppointmentIds } from '../billing/billing-repository';
import { listExpiringDoctorConsents } from '../billing/doctor-consent';
import { listExpiringEligibilityCards } from '../jukyo/card-warnings';
import { reminderAnswersOf } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { listVisitsWithOpenSession } from '../treatment-session/session-repository';
import type { StaffRole } from '../db/schema';
import type { ScheduledAppointment } from '../schedule/list-day';
import { loadStaffSchedule } from '../schedule/staff-schedule';
import { attentionCounts, type OpenNeedleSession } from '../staff/attention-counts';
import { clinicTimeZone } from '../clinic/clinic-settings';
import { findPatients } from '../patients/patient-repository';

export type DeskVisit = ScheduledAppointment & DeskVisitFacts & { deskStatus?: DeskStatus };

export interface Today {
	timeZone: string;
	today: string;
	tomorrow: string;
	timeline: Array<DeskVisit & { deskStatus: DeskStatus }>;
	toGreet: Array<DeskVisit & { deskStatus: DeskStatus }>;
	toCharge: Array<DeskVisit & { deskStatus: DeskStatus }>;
	/** Tomorrow's booked visits nobody confirmed, with a phone number to call. */
	unconfirmedTomorrow: Array<DeskVisit & { phone: string | null }>;
	alerts: {
		/** Intakes with an unacknowledged red flag. */
		redFlags: number;
		/** Open sessions whose needles are not accounted for (docs/clinical-rules.md §3). */
		openNeedles: OpenNeedleSession[];
		/** Doctor's consents for 療養費 running out without a renewal (not for practitioners, who do not renew them). */
		consentsToRenew: number;
		/** 資格確認書 or cards ending within 30 days or ended (issue #19), as for the consents. */
		cardsToRenew: number;
		/** Today's patients without a current treatment consent. */
		withoutTreatmentConsent: number;
	};
}

/**
 * The console's first page (issue #22): today's patients with the state of each visit, and what
 * needs the desk. Composes the schedule (with its patient flags and its one audit row for the
 * two days read), the attention counts every console page shows, and the doctor's consents.
 */
export async function loadToday(db: Db, viewer: { actor: AuditActor; role: StaffRole }, now = db.clock.now()): Promise<Today> {
	const timeZone = await clinicTimeZone(db);
	const today = localDate(now.getTime(), timeZone);
	const tomorrow = addDays(today, 1);
	const appointments = (await loadStaffSchedule(db, today, tomorrow, timeZone, viewer)).filter((a) => a.patient !== null);
	const facts = await visitFacts(
		db,
		appointments.map((a) => a.id)
	);
	const visits: DeskVisit[] = appointments.map((a) => ({
		...a,
		status: a.status,
		confirmedAt: facts.confirmed.get(a.id)?.confirmedAt ?? null,
		changeRequestedAt: facts.confirmed.get(a.id)?.changeRequestedAt ?? null,
		openSession: facts.open.has(a.id),
		charged: facts.charged.has(a.id)
	}));
	const isToday = (v: DeskVisit) => localDate(Date.parse(v.start), timeZone) === today;
	const day = deskDay(visits.filter(isToday), now.getTime());
	const unconfirmed = unconfirmedVisits(visits.filter((v) => !isToday(v)));
	const phones = await phonesOf(
		db,
		unconfirmed.flatMap((v) => (v.patient ? [v.patient.id] : []))
	);
	const [attention, expiring, cards] = await Promise.all([
		attentionCounts(db, viewer.role),
		viewer.role === 'practitioner' ? Promise.resolve([]) : listExpiringDoctorConsents(db, { today }),
		viewer.role === 'practitioner' ? Promise.resolve([]) : listExpiringEligibilityCards(db, { today })
	]);
	return {
		timeZone,
		today,
		tomorrow,
		...day,
		unconfirmedTomorrow: unconfirmed.map((v) => ({ ...v, phone: (v.patient && phones.get(v.patient.id)) || null })),
		alerts: {
			redFlags: attention.redFlags,
			openNeedles: attention.openNeedles,
			consentsToRenew: expiring.filter((c) => !c.renewed).length,
			cardsToRenew: cards.length,
			withoutTreatmentConsent: new Set(day.timeline.filter((v) => v.flags?.noTreatmentConsent).map((v) => v.patient!.id)).size
		}
	};
}

/** Confirmation, open session and charge of each visit: three reads for the two days, not one per row. */
async function visitFacts(db: Db, ids: string[]) {
	if (ids.length === 0)
		return {
			confirmed: new Map<string, { confirmedAt: string | null; changeRequestedAt: string | null }>(),
			open: new Set<string>(),
			charged: new Set<string>()
		};
	const [answers, sessions, charges] = await Promise.all([reminderAnswersOf(db, ids), listVisitsWithOpenSession(db, ids), chargedAppointmentIds(db, ids)]);
	return {
		confirmed: new Map(answers.map((r) => [r.id, { confirmedAt: r.confirmed_at, changeRequestedAt: r.change_requested_at }])),
		open: new Set(sessions.flatMap((s) => (s.appointment_id ? [s.appointment_id] : []))),
		charged: new Set(charges)
	};
}

async function phonesOf(db: Db, patientIds: string[]): Promise<Map<string, string>> {
	if (patientIds.length === 0) return new Map();
	const rows = await findPatients(db, patientIds, ['id', 'phone']);
	return new Map(rows.flatMap((r) => (r.phone ? [[r.id, r.phone] as [string, string]] : [])));
}
