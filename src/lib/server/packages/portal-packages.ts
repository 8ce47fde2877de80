import { checkUse, packageState, type PackageStatus } from '../../domain/packages/ledger';
import { lastValidDay } from '../../domain/packages/terms';
import { localDate } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { clinicToday, findBillingClinic } from '../billing/billing-repository';
import { findAppointment, findVisitFacts } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { listServiceNames } from '../scheduling-settings/settings-repository';
import { loadPackage, packageIdsForPatient } from './package-repository';
import { listPackageTypes } from './package-types';
import { markVisitPackage } from './use-package';

/*
 * What the patient sees of prepaid courses (issue #18): their own courses and the courses shared
 * with them, the offer the clinic shows online, and the courses a booked visit may use.
 *
 * Privacy: a course shared within a family shows each person only their OWN uses (date and visit
 * number); the uses of other members are counted, never dated or named. Money (price, paid, owed)
 * is shown to the holder only.
 */

export interface PortalPackage {
	saleId: string;
	nameJa: string;
	nameEn: string;
	/** The patient bought it; otherwise it is shared with them as a family member. */
	holder: boolean;
	soldOn: string;
	/** The last day it may be used. */
	validThrough: string;
	visitCount: number;
	remainingVisits: number;
	/** Visits left unused when the course expired: shown as expired, never removed. */
	expiredVisits: number;
	refundedVisits: number;
	status: PackageStatus;
	/** The patient's own uses, in order. */
	ownUses: { visitNumber: number; date: string }[];
	/** Visits used by the other people who share the course (a count only). */
	otherUses: number;
	/** The holder's money; null for a family member. */
	money: { priceJpy: number; paidJpy: number; balanceDueJpy: number } | null;
}

/** The signed-in patient's courses, newest first, audited as a read of their record. */
export async function listPortalPackages(db: Db, patientId: string, actor: AuditActor, options: { now?: Date } = {}): Promise<PortalPackage[]> {
	const now = options.now ?? db.clock.now();
	const clinic = await findBillingClinic(db);
	const today = clinicToday(clinic, now);
	const list: PortalPackage[] = [];
	for (const saleId of await packageIdsForPatient(db, patientId)) {
		const pkg = await loadPackage(db, saleId);
		if (!pkg) continue;
		const state = packageState(pkg.terms, pkg.entries, today, pkg.sale.expires_on);
		const holder = pkg.sale.patient_id === patientId;
		const own = state.uses.filter((u) => u.patientId === patientId);
		list.push({
			saleId,
			nameJa: pkg.sale.name_ja,
			nameEn: pkg.sale.name_en,
			holder,
			soldOn: pkg.sale.sold_on,
			validThrough: lastValidDay(pkg.sale.expires_on),
			visitCount: state.visitCount,
			// A course past its day shows its visits as expired even before the daily job writes the entry.
			remainingVisits: state.status === 'expired' ? 0 : state.remainingVisits,
			expiredVisits: state.status === 'expired' ? state.expiredVisits + state.remainingVisits : state.expiredVisits,
			refundedVisits: state.refundedVisits,
			status: pkg.voided ? 'refunded' : state.status,
			ownUses: own.map((u) => ({ visitNumber: u.visitNumber, date: localDate(u.at, clinic.timeZone) })),
			otherUses: state.uses.length - own.length,
			money: holder ? { priceJpy: state.priceJpy, paidJpy: state.paidJpy, balanceDueJpy: pkg.voided ? 0 : state.balanceDueJpy } : null
		});
	}
	await recordAudit(db, actor, { action: 'package.portal_read', entityType: 'patient', entityId: patientId, patientId, detail: { count: list.length } });
	return list;
}

export interface OnlineOffer {
	id: string;
	nameJa: string;
	nameEn: string;
	visitCount: number;
	priceJpy: number;
	validityMonths: number;
	familyShareable: boolean;
	services: { ja: string; en: string }[];
}

/**
 * The course types the clinic shows online ("sold online"). There is no online payment method, so
 * nothing is sold online: the portal shows the offer and says to pay at the desk.
 */
export async function listOnlineOffer(db: Db): Promise<OnlineOffer[]> {
	const types = (await listPackageTypes(db)).filter((t) => t.soldOnline && !t.retired);
	if (types.length === 0) return [];
	const services = await listServiceNames(db, [...new Set(types.flatMap((t) => t.serviceIds))]);
	const names = new Map(services.map((s) => [s.id, { ja: s.name_ja, en: s.name_en }]));
	return types.map((t) => ({
		id: t.id,
		nameJa: t.nameJa,
		nameEn: t.nameEn,
		visitCount: t.visitCount,
		priceJpy: t.priceJpy,
		validityMonths: t.validityMonths,
		familyShareable: t.familyShareable,
		services: t.serviceIds.flatMap((id) => names.get(id) ?? [])
	}));
}

/** Online sale needs a payment method for it; none exists, so the clinic cannot turn it on. */
export const ONLINE_SALE_AVAILABLE = false;

export interface CourseChoice {
	saleId: string;
	nameJa: string;
	nameEn: string;
	remainingVisits: number;
	validThrough: string;
}

export interface VisitCourses {
	/** Courses `checkUse` allows for this visit. */
	choices: CourseChoice[];
	/** The course marked for the visit, if any (it may no longer cover it). */
	marked: (CourseChoice & { covers: boolean }) | null;
	/** The visit may still be marked by this actor (the patient: booked, not begun; the desk: booked or arrived). */
	open: boolean;
}

/**
 * The courses a booked visit of `patientId` may use: the holder's and those shared with them that
 * `checkUse` allows (an expired or used-up course is never offered). The use is only marked;
 * nothing is taken until the visit is completed and charged self-pay (an insured visit never uses
 * one: `checkUse` refuses it at the charge). Null when the visit is not this patient's.
 */
export async function visitCourses(
	db: Db,
	appointmentId: string,
	patientId: string,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<VisitCourses | null> {
	if (!appointmentId || appointmentId.length > 64) return null;
	const now = options.now ?? db.clock.now();
	const visit = await findVisitFacts(db, appointmentId);
	if (!visit || visit.patient_id !== patientId || !visit.service_id) return null;
	const clinic = await findBillingClinic(db);
	const visitDate = localDate(Date.parse(visit.starts_at), clinic.timeZone);
	const mark = await db.kysely.selectFrom('appointment_package').select('package_sale_id').where('appointment_id', '=', appointmentId).executeTakeFirst();
	const choices: CourseChoice[] = [];
	let marked: VisitCourses['marked'] = null;
	for (const saleId of await packageIdsForPatient(db, patientId)) {
		const pkg = await loadPackage(db, saleId);
		if (!pkg) continue;
		const check = checkUse(pkg.holder, pkg.entries, { patientId, serviceId: visit.service_id, visitDate, insured: false });
		const covers = check.ok && !pkg.voided;
		const state = packageState(pkg.terms, pkg.entries, visitDate, pkg.sale.expires_on);
		const choice: CourseChoice = {
			saleId,
			nameJa: pkg.sale.name_ja,
			nameEn: pkg.sale.name_en,
			remainingVisits: state.remainingVisits,
			validThrough: lastValidDay(pkg.sale.expires_on)
		};
		if (covers) choices.push(choice);
		if (mark?.package_sale_id === saleId) marked = { ...choice, covers };
	}
	// A read of the patient's courses, audited as the portal's other reads are (only when there is something to show).
	if (choices.length > 0 || marked)
		await recordAudit(db, actor, {
			action: 'package.visit_courses_read',
			entityType: 'appointment',
			entityId: appointmentId,
			patientId,
			detail: { choices: choices.length }
		});
	// The same windows as markVisitPackage: the desk until the visit is charged, the patient until it begins.
	const open = actor.type === 'staff' ? ['booked', 'arrived'].includes(visit.status) : visit.status === 'booked' && Date.parse(visit.starts_at) > now.getTime();
	return { choices, marked, open };
}

export type CourseChoiceOutcome = 'saved' | 'refused' | 'not_open' | 'not_found';

/**
 * The patient (or the desk) chooses the course for a booked visit, or none (`saleId` empty):
 * `markVisitPackage`, which asks `checkUse`, so an expired or used-up course cannot be chosen.
 */
export async function chooseVisitCourse(
	db: Db,
	appointmentId: string,
	saleId: unknown,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<CourseChoiceOutcome> {
	const chosen = typeof saleId === 'string' && saleId !== '' ? saleId : null;
	if (chosen !== null && chosen.length > 64) return 'refused';
	const result = await markVisitPackage(db, appointmentId, chosen, actor, options);
	if (result.ok) return 'saved';
	if (result.code === 'not_found' || result.code === 'forbidden')
		return chosen !== null && result.code === 'not_found' && (await visitBelongs(db, appointmentId, actor)) ? 'refused' : 'not_found';
	if (result.code === 'not_booked') return 'not_open';
	return 'refused';
}

/** Whether the visit exists and, for a patient, is theirs (so an unknown course is a refusal, not a missing page). */
async function visitBelongs(db: Db, appointmentId: string, actor: AuditActor): Promise<boolean> {
	const visit = await findAppointment(db, appointmentId, ['patient_id']);
	return visit !== undefined && (actor.type !== 'patient' || visit.patient_id === actor.id);
}
