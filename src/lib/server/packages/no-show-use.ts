import { localDate } from '../../domain/time';
import { findBillingClinic } from '../billing/billing-repository';
import { findVisitFacts } from '../booking/appointment-repository';
import type { Db } from '../db/database';
import { packageRefundPolicy } from './refund-package';
import { packageCoverOfVisit, type PackageCover } from './visit-cover';
import { markedCourseOfVisit, type MarkedCourse } from './visit-course';
import { findFeeVisit } from '../cancellation-policy/policy-repository';

/*
 * A charged no-show and the course marked for it (issue #18): when the clinic's setting says so
 * (`noShowUsesVisit`), charging the no-show uses one visit of the course instead of taking the fee
 * in money. Whether the course covers it is `checkUse` through `packageCoverOfVisit`, and the use
 * is written by `usePackageForVisit` once the fee's charge exists — the same two steps as a visit's
 * own charge, never a second copy of the rule. Not marked, setting off, or the course no longer
 * covering the visit: null, and the fee is charged in money as before.
 */
export async function noShowCover(tx: Db, appointmentId: string | null, feeNames: { name_ja: string; name_en: string }): Promise<PackageCover | null> {
	if (!appointmentId) return null;
	if (!(await packageRefundPolicy(tx)).noShowUsesVisit) return null;
	const visit = await findVisitFacts(tx, appointmentId);
	if (!visit || visit.status !== 'no_show' || !visit.patient_id || !visit.service_id) return null;
	const clinic = await findBillingClinic(tx);
	return packageCoverOfVisit(
		tx,
		{ id: visit.id, patientId: visit.patient_id, serviceId: visit.service_id, serviceDate: localDate(Date.parse(visit.starts_at), clinic.timeZone) },
		feeNames
	);
}

/**
 * What the fee's page tells the desk before collecting a no-show fee: the course that will take
 * the no-show instead of money, or why the marked course cannot (then the fee is money). Null when
 * the setting is off, the fee is not a no-show's, or no course is marked.
 */
export async function noShowCourseNotice(db: Db, feeId: string): Promise<MarkedCourse | null> {
	if (!feeId || feeId.length > 64) return null;
	const fee = await findFeeVisit(db, feeId);
	if (fee?.kind !== 'no_show' || !fee.appointment_id) return null;
	if (!(await packageRefundPolicy(db)).noShowUsesVisit) return null;
	return markedCourseOfVisit(db, fee.appointment_id);
}
