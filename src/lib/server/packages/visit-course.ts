import { checkUse, packageState, type UseRefusal } from '../../domain/packages/ledger';
import { lastValidDay } from '../../domain/packages/terms';
import { localDate } from '../../domain/time';
import { findBillingClinic, findChargeVisit, firstChargeLineName } from '../billing/billing-repository';
import type { Db } from '../db/database';
import { loadPackage } from './package-repository';

/*
 * What the desk is told about the course marked for a visit (issue #18), before charging and on
 * the charge: whether it covers the visit, and if not, why (expired on …, no visits left). The
 * answer is `checkUse`, the same rule the charge itself asks (visit-cover.ts), so the warning and
 * what is charged never disagree. Nothing is written: the charge writes the use.
 */

interface CourseNames {
	saleId: string;
	nameJa: string;
	nameEn: string;
	visitCount: number;
	/** The last day it could be used. */
	validThrough: string;
}

export type MarkedCourse =
	(CourseNames & { covers: true; visitNumber: number; remainingAfter: number }) | (CourseNames & { covers: false; reason: UseRefusal | 'cancelled' });

/** The course marked for a visit and whether a self-pay (or insured) charge of it would use it; null when none is marked. */
export async function markedCourseOfVisit(db: Db, appointmentId: string, options: { insured?: boolean } = {}): Promise<MarkedCourse | null> {
	if (!appointmentId || appointmentId.length > 64) return null;
	const row = await db.kysely
		.selectFrom('appointment_package')
		.innerJoin('appointment', 'appointment.id', 'appointment_package.appointment_id')
		.select(['appointment_package.package_sale_id', 'appointment.patient_id', 'appointment.service_id', 'appointment.starts_at'])
		.where('appointment_package.appointment_id', '=', appointmentId)
		.executeTakeFirst();
	if (!row || !row.patient_id || !row.service_id) return null;
	const pkg = await loadPackage(db, row.package_sale_id);
	if (!pkg) return null;
	const names: CourseNames = {
		saleId: pkg.sale.id,
		nameJa: pkg.sale.name_ja,
		nameEn: pkg.sale.name_en,
		visitCount: pkg.terms.visitCount,
		validThrough: lastValidDay(pkg.sale.expires_on)
	};
	if (pkg.voided) return { ...names, covers: false, reason: 'cancelled' };
	const clinic = await findBillingClinic(db);
	const check = checkUse(pkg.holder, pkg.entries, {
		patientId: row.patient_id,
		serviceId: row.service_id,
		visitDate: localDate(Date.parse(row.starts_at), clinic.timeZone),
		insured: options.insured ?? false
	});
	if (!check.ok) return { ...names, covers: false, reason: check.code };
	return { ...names, covers: true, visitNumber: check.state.uses.length + 1, remainingAfter: check.state.remainingVisits - 1 };
}

export type ChargeCourseOutcome = (CourseNames & { used: true; visitNumber: number }) | (MarkedCourse & { covers: false; used: false });

/**
 * On a visit's charge: the course it used, or — when a course was marked but not used — why not.
 * Null when the visit had no course marked, or the course was used and then given back (voided).
 */
export async function courseOutcomeOfCharge(db: Db, chargeId: string): Promise<ChargeCourseOutcome | null> {
	if (!chargeId || chargeId.length > 64) return null;
	const charge = await findChargeVisit(db, chargeId);
	if (!charge?.appointment_id) return null;
	const use = await db.kysely
		.selectFrom('package_entry')
		.select(['package_sale_id', 'sequence'])
		.where('charge_id', '=', chargeId)
		.where('kind', '=', 'use')
		.executeTakeFirst();
	if (use) {
		const pkg = await loadPackage(db, use.package_sale_id);
		if (!pkg) return null;
		// Given back since (the charge voided): nothing to say.
		const visitNumber = packageState(pkg.terms, pkg.entries).uses.find((u) => u.sequence === use.sequence)?.visitNumber;
		if (visitNumber === undefined) return null;
		return {
			saleId: pkg.sale.id,
			nameJa: pkg.sale.name_ja,
			nameEn: pkg.sale.name_en,
			visitCount: pkg.terms.visitCount,
			validThrough: lastValidDay(pkg.sale.expires_on),
			used: true,
			visitNumber
		};
	}
	const marked = await markedCourseOfVisit(db, charge.appointment_id, { insured: charge.payer === 'insurance' });
	if (!marked || marked.covers) return null;
	return { ...marked, used: false };
}

/** The line of a charge a course paid, whose names carry the course, the visit (3/10), the visits left and the expiry; null when no course was used. */
export async function courseLineOfCharge(db: Db, chargeId: string): Promise<{ nameJa: string; nameEn: string } | null> {
	if (!chargeId || chargeId.length > 64) return null;
	const entries = await db.kysely
		.selectFrom('package_entry')
		.select('kind')
		.where('charge_id', '=', chargeId)
		.where('kind', 'in', ['use', 'reinstate'])
		.execute();
	// Used and not given back (a voided charge's use is reinstated).
	if (!entries.some((e) => e.kind === 'use') || entries.some((e) => e.kind === 'reinstate')) return null;
	const line = await firstChargeLineName(db, chargeId);
	return line ? { nameJa: line.name_ja, nameEn: line.name_en } : null;
}
