import { randomUUID } from 'node:crypto';
import { checkUse, packageState, type UseRefusal } from '../../domain/packages/ledger';
import { localDate } from '../../domain/time';
import { recordAudit, type AuditActor } from '../audit/audit-log';
import { findBillingClinic } from '../billing/billing-repository';
import { findVisitFacts } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { withTransaction } from '../db/transaction';
import { planSaleOfVisit } from './monthly-use';
import { clearVisitCourseMark, insertPackageEntry, insertVisitCourseMark, loadPackage } from './package-repository';
import { clearVisitPlanMark } from './plan-repository';

/*
 * Marking a visit to use a course, and using it (issue #18). The desk marks a booked visit; the
 * visit uses the course when it is completed and charged (or charged as a no-show when the clinic
 * says so), never at booking: cancelling gives nothing back because nothing was taken. Every path
 * asks the one rule, `checkUse` (domain/packages/ledger.ts).
 */

export type MarkVisitResult = { ok: true } | { ok: false; code: UseRefusal | 'not_found' | 'forbidden' | 'not_booked' };

/**
 * The desk marks a booked visit to use `saleId`, or clears the mark with null. The patient may do
 * the same for their own visit that is booked and not yet begun (portal, manage link: actor type
 * 'patient' with their id); another patient's visit is not found.
 */
export async function markVisitPackage(
	db: Db,
	appointmentId: string,
	saleId: string | null,
	actor: AuditActor,
	options: { now?: Date } = {}
): Promise<MarkVisitResult> {
	if ((actor.type !== 'staff' && actor.type !== 'patient') || !actor.id) return { ok: false, code: 'forbidden' };
	const staffId = actor.type === 'staff' ? actor.id : null;
	const now = options.now ?? db.clock.now();
	return withTransaction(db, async (tx): Promise<MarkVisitResult> => {
		const visit = await findVisitFacts(tx, appointmentId);
		if (!visit || !visit.patient_id || !visit.service_id) return { ok: false, code: 'not_found' };
		if (actor.type === 'patient' && visit.patient_id !== actor.id) return { ok: false, code: 'not_found' };
		if (!['booked', 'arrived'].includes(visit.status)) return { ok: false, code: 'not_booked' };
		if (actor.type === 'patient' && (visit.status !== 'booked' || Date.parse(visit.starts_at) <= now.getTime())) return { ok: false, code: 'not_booked' };
		if (saleId !== null) {
			const pkg = await loadPackage(tx, saleId);
			if (!pkg) return { ok: false, code: 'not_found' };
			const clinic = await findBillingClinic(tx);
			const check = checkUse(pkg.holder, pkg.entries, {
				patientId: visit.patient_id,
				serviceId: visit.service_id,
				visitDate: localDate(Date.parse(visit.starts_at), clinic.timeZone),
				insured: false
			});
			if (!check.ok) return check;
			if (pkg.voided) return { ok: false, code: 'not_active' };
			// Replaced only once the new course is allowed: a refused choice keeps the visit's mark.
			await clearVisitMarks(tx, appointmentId);
			await insertVisitCourseMark(tx, { appointment_id: appointmentId, package_sale_id: saleId, marked_at: now.toISOString(), marked_by: staffId });
		} else {
			await clearVisitMarks(tx, appointmentId);
		}
		await recordAudit(tx, actor, {
			action: saleId ? 'package.mark_visit' : 'package.unmark_visit',
			entityType: 'appointment',
			entityId: appointmentId,
			patientId: visit.patient_id,
			detail: { saleId }
		});
		return { ok: true };
	});
}

/** A course mark (or none) replaces the visit's course mark and a monthly plan's mark (monthly-use.ts). */
async function clearVisitMarks(tx: Db, appointmentId: string): Promise<void> {
	await clearVisitCourseMark(tx, appointmentId);
	await clearVisitPlanMark(tx, appointmentId);
}

export interface PackageUse {
	saleId: string;
	sequence: number;
	/** 3 of 10. */
	visitNumber: number;
	visitCount: number;
	remainingVisits: number;
	expiresOn: string;
	nameJa: string;
	nameEn: string;
}

export type UseVisitResult = { ok: true; use: PackageUse | null } | { ok: false; code: UseRefusal | 'not_found' };

/**
 * Uses the course marked for a visit, inside the caller's transaction (the charge or completion of
 * the visit). Nothing marked: `use: null`. Already used by this visit: the same use again. Two desks
 * using the last visit at once both take the same entry number (and sequence): the unique keys let
 * one in, and the other's transaction fails and rolls back whole.
 */
export async function usePackageForVisit(
	tx: Db,
	appointmentId: string,
	input: { insured: boolean; chargeId: string | null },
	actor: AuditActor,
	now: Date
): Promise<UseVisitResult> {
	const visit = await findVisitFacts(tx, appointmentId);
	if (!visit || !visit.patient_id || !visit.service_id) return { ok: false, code: 'not_found' };
	const mark = await tx.kysely.selectFrom('appointment_package').select('package_sale_id').where('appointment_id', '=', appointmentId).executeTakeFirst();
	// No course marked: the month of a monthly plan marked for it, if any (monthly-use.ts).
	const saleId = mark?.package_sale_id ?? (await planSaleOfVisit(tx, appointmentId));
	if (!saleId) return { ok: true, use: null };
	const pkg = await loadPackage(tx, saleId, { lock: true });
	if (!pkg) return { ok: false, code: 'not_found' };
	const before = packageState(pkg.terms, pkg.entries);
	const existing = before.uses.find((u) => u.appointmentId === appointmentId);
	if (existing) return { ok: true, use: useOf(pkg.sale, existing.sequence, existing.visitNumber, before.remainingVisits) };
	const clinic = await findBillingClinic(tx);
	const check = checkUse(pkg.holder, pkg.entries, {
		patientId: visit.patient_id,
		serviceId: visit.service_id,
		visitDate: localDate(Date.parse(visit.starts_at), clinic.timeZone),
		insured: input.insured
	});
	if (!check.ok) return check;
	if (pkg.voided) return { ok: false, code: 'not_active' };
	const sequence = check.state.nextSequence;
	await insertPackageEntry(tx, {
		id: randomUUID(),
		package_sale_id: pkg.sale.id,
		entry_number: pkg.nextEntryNumber,
		kind: 'use',
		sequence,
		patient_id: visit.patient_id,
		appointment_id: appointmentId,
		charge_id: input.chargeId,
		visits: 1,
		fee_jpy: 0,
		amount_jpy: 0,
		method: null,
		detail: '{}',
		entered_at: now.toISOString(),
		recorded_by: actor.type === 'staff' ? actor.id : null
	});
	const after = packageState(pkg.terms, [...pkg.entries, { kind: 'use', at: now.getTime(), sequence, patientId: visit.patient_id, appointmentId }]);
	const use = useOf(pkg.sale, sequence, after.uses.find((u) => u.sequence === sequence)!.visitNumber, after.remainingVisits);
	await recordAudit(tx, actor, {
		action: 'package.use',
		entityType: 'package_sale',
		entityId: pkg.sale.id,
		patientId: visit.patient_id,
		detail: { appointmentId, sequence, visitNumber: use.visitNumber, remainingVisits: use.remainingVisits }
	});
	return { ok: true, use };
}

function useOf(
	sale: { id: string; visit_count: number; expires_on: string; name_ja: string; name_en: string },
	sequence: number,
	visitNumber: number,
	remainingVisits: number
): PackageUse {
	return {
		saleId: sale.id,
		sequence,
		visitNumber,
		visitCount: sale.visit_count,
		remainingVisits,
		expiresOn: sale.expires_on,
		nameJa: sale.name_ja,
		nameEn: sale.name_en
	};
}
