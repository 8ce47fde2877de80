import { japaneseHoliday } from '../../domain/clinic/holidays';
import { parseStoredPsfs, parseStoredSbi, type CheckIn } from '../../domain/outcomes/check-in';
import type {
	FirstVisit,
	ReportAppointment,
	ReportCharge,
	ReportInputs,
	ReportPayment,
	ReportPractitioner,
	ReportSession
} from '../../domain/reports/report-inputs';
import { periodInstants, type ReportPeriod } from '../../domain/reports/report-period';
import { datesBetween, localDate } from '../../domain/time';
import { chargeLinesForReport, chargesForReport, paymentsForReport } from '../billing/report-reads';
import type { Db } from '../db/database';
import { listCheckInRowsBefore } from '../outcomes/outcome-repository';
import {
	listBeds,
	listPractitionerHours,
	listReportPractitionerNames,
	listServices,
	listTimeOffOverlapping,
	listWeeklyOpeningHours,
	specialDaysBetween
} from '../scheduling-settings/settings-repository';

/*
 * Every read the owner's report needs, for clinic-local days `from`…`to` and, when given, one
 * practitioner. A handful of set-based queries whatever the period: no query per patient or day.
 * The money (charges, lines, payments) is billing's: billing/report-reads.ts.
 */

const ATTENDED = ['arrived', 'completed'] as const;

export interface ReportScope extends ReportPeriod {
	practitionerId: string | null;
}

export async function loadReportInputs(db: Db, scope: ReportScope): Promise<ReportInputs> {
	const bounds = periodInstants(scope);
	const start = new Date(bounds.start).toISOString();
	const end = new Date(bounds.end).toISOString();
	const mine = scope.practitionerId;
	const k = db.kysely;

	const appointmentsQuery = k
		.selectFrom('appointment')
		.select(['id', 'patient_id', 'practitioner_id', 'bed_id', 'service_id', 'starts_at', 'ends_at', 'status'])
		.where('starts_at', '>=', start)
		.where('starts_at', '<', end)
		.$if(mine !== null, (q) => q.where('practitioner_id', '=', mine!));

	// A first visit: attended in the period with no attended visit of the same patient before it.
	const firstVisitsQuery = k
		.selectFrom('appointment as a')
		.select(['a.patient_id', 'a.starts_at', 'a.practitioner_id'])
		.where('a.status', 'in', ATTENDED)
		.where('a.starts_at', '>=', start)
		.where('a.starts_at', '<', end)
		.where('a.patient_id', 'is not', null)
		.$if(mine !== null, (q) => q.where('a.practitioner_id', '=', mine!))
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('appointment as b')
						.select('b.id')
						.whereRef('b.patient_id', '=', 'a.patient_id')
						.where('b.status', 'in', ATTENDED)
						.where((eb) =>
							eb.or([eb('b.starts_at', '<', eb.ref('a.starts_at')), eb.and([eb('b.starts_at', '=', eb.ref('a.starts_at')), eb('b.id', '<', eb.ref('a.id'))])])
						)
				)
			)
		);

	// Patients treated in the period (by this practitioner): the outcome cohort.
	const cohort = k
		.selectFrom('appointment')
		.select('patient_id')
		.where('status', 'in', ATTENDED)
		.where('starts_at', '>=', start)
		.where('starts_at', '<', end)
		.where('patient_id', 'is not', null)
		.$if(mine !== null, (q) => q.where('practitioner_id', '=', mine!));

	const sessionsQuery = k
		.selectFrom('appointment')
		.select(['id', 'patient_id', 'practitioner_id', 'starts_at'])
		.where('status', 'in', ATTENDED)
		.where('starts_at', '<', end)
		.where('patient_id', 'in', cohort);

	const money = { from: scope.from, to: scope.to, start, end, practitionerId: mine };

	const [appointments, firstVisits, practitioners, hours, timeOff, beds, services, opening, specialDays, sessions, checkIns, charges] = await Promise.all([
		appointmentsQuery.execute(),
		firstVisitsQuery.execute(),
		listReportPractitionerNames(db, mine),
		listPractitionerHours(db),
		listTimeOffOverlapping(db, start, end),
		listBeds(db),
		listServices(db),
		listWeeklyOpeningHours(db),
		specialDaysBetween(db, scope.from, scope.to),
		sessionsQuery.execute(),
		listCheckInRowsBefore(db, end, cohort),
		chargesForReport(db, money)
	]);

	const [lines, payments] = await Promise.all([
		charges.length === 0 ? [] : chargeLinesForReport(db, money),
		// Payments on the charges read, and any received in the period.
		paymentsForReport(db, money)
	]);

	const timeZone = scope.timeZone;
	const opened = new Set(specialDays.filter((d) => d.kind === 'opened').map((d) => d.date));
	const closedDates = [
		...specialDays.filter((d) => d.kind === 'closed').map((d) => d.date),
		...datesBetween(scope.from, scope.to).filter((d) => japaneseHoliday(d) && !opened.has(d))
	];
	const linesBy = new Map<string, ReportCharge['lines'][number][]>();
	for (const l of lines)
		linesBy.set(l.charge_id, [
			...(linesBy.get(l.charge_id) ?? []),
			{ kind: l.kind, serviceId: l.service_id, nameJa: l.name_ja, nameEn: l.name_en, amountJpy: Number(l.amount_jpy) }
		]);
	const checkInsBy = new Map<string, CheckIn[]>();
	for (const r of checkIns) {
		const checkIn: CheckIn = {
			id: r.id,
			recordedAt: r.recorded_at,
			source: r.source,
			appointmentId: r.appointment_id,
			legPain: r.leg_pain,
			backPain: r.back_pain,
			psfs: parseStoredPsfs(r.psfs),
			sbi: parseStoredSbi(r.sbi),
			pgic: r.pgic
		};
		checkInsBy.set(r.patient_id, [...(checkInsBy.get(r.patient_id) ?? []), checkIn]);
	}

	return {
		appointments: appointments.map((a): ReportAppointment => ({
			id: a.id,
			patientId: a.patient_id,
			practitionerId: a.practitioner_id,
			bedId: a.bed_id,
			serviceId: a.service_id,
			startsAt: a.starts_at,
			endsAt: a.ends_at,
			status: a.status
		})),
		firstVisits: firstVisits.map((f): FirstVisit => ({ patientId: f.patient_id!, startsAt: f.starts_at, practitionerId: f.practitioner_id })),
		practitioners: practitioners.map((p): ReportPractitioner => ({
			id: p.id,
			nameJa: `${p.family_name_ja} ${p.given_name_ja}`.trim(),
			nameEn: `${p.given_name_en} ${p.family_name_en}`.trim(),
			workingHours: hours.filter((h) => h.practitioner_id === p.id).map((h) => ({ weekday: h.weekday, start: h.starts, end: h.ends })),
			timeOff: timeOff.filter((t) => t.practitioner_id === p.id).map((t) => ({ start: Date.parse(t.starts_at), end: Date.parse(t.ends_at) }))
		})),
		beds: beds.map((b) => ({ id: b.id, nameJa: b.name_ja, nameEn: b.name_en })),
		services: services.map((s) => ({ id: s.id, nameJa: s.name_ja, nameEn: s.name_en })),
		openingHours: opening.map((o) => ({ weekday: o.weekday, start: o.opens, end: o.closes })),
		closedDates,
		charges: charges.map((c): ReportCharge => ({
			id: c.id,
			serviceDate: c.service_date,
			practitionerId: c.practitioner_id,
			payer: c.payer,
			chargedJpy: Number(c.self_pay_jpy) + Number(c.insurance_fee_jpy),
			dueJpy: Number(c.due_jpy),
			voided: c.voided !== null,
			lines: linesBy.get(c.id) ?? []
		})),
		payments: payments.map((p): ReportPayment => ({
			chargeId: p.charge_id,
			kind: p.kind,
			amountJpy: Number(p.amount_jpy),
			receivedOn: localDate(Date.parse(p.received_at), timeZone)
		})),
		checkIns: checkInsBy,
		sessions: sessions.map((s): ReportSession => ({ id: s.id, patientId: s.patient_id!, practitionerId: s.practitioner_id, startsAt: s.starts_at }))
	};
}
