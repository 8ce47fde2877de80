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
import { cohortVisitsForReport, firstVisitsForReport, reportCohort, visitsForReport } from '../booking/report-reads';
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
 * The visits are booking's (booking/report-reads.ts), the money (charges, lines, payments) billing's
 * (billing/report-reads.ts).
 */

export interface ReportScope extends ReportPeriod {
	practitionerId: string | null;
}

export async function loadReportInputs(db: Db, scope: ReportScope): Promise<ReportInputs> {
	const bounds = periodInstants(scope);
	const start = new Date(bounds.start).toISOString();
	const end = new Date(bounds.end).toISOString();
	const mine = scope.practitionerId;

	const visits = { start, end, practitionerId: mine };
	const money = { from: scope.from, to: scope.to, start, end, practitionerId: mine };

	const [appointments, firstVisits, practitioners, hours, timeOff, beds, services, opening, specialDays, sessions, checkIns, charges] = await Promise.all([
		visitsForReport(db, visits),
		firstVisitsForReport(db, visits),
		listReportPractitionerNames(db, mine),
		listPractitionerHours(db),
		listTimeOffOverlapping(db, start, end),
		listBeds(db),
		listServices(db),
		listWeeklyOpeningHours(db),
		specialDaysBetween(db, scope.from, scope.to),
		cohortVisitsForReport(db, visits),
		listCheckInRowsBefore(db, end, reportCohort(db, visits)),
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
