import { ARTS_LICENCE_LABELS, NEEDLE_PROBLEM_LABELS } from '$lib/labels/billing-outcome-labels';
import { error, redirect } from '@sveltejs/kit';
import { localizePath } from '$lib/i18n/locales';
import { translate } from '$lib/i18n/translate';
import { createChargeForAppointment } from '$lib/server/billing/create-charge';
import { recordEligibilityCheck, visitEligibility } from '$lib/server/jukyo/eligibility';
import { eligibilityFormFailure } from '$lib/server/jukyo/eligibility-form';
import { safeStaffReturnPath, withQuery } from '$lib/server/http/return-path';
import { refusalMessageKey } from '$lib/server/jukyo/refusal-message';
import { findVisitToCharge } from '$lib/server/billing/visit-to-charge';
import { listPatientFees } from '$lib/server/cancellation-policy/outstanding-fees';
import { markedCourseOfVisit } from '$lib/server/packages/visit-course';
import { actorFrom } from '$lib/server/http/request-context';
import { unaccountedSessionOfVisit } from '$lib/server/treatment-session/needle-account';
import { deskFailure, isId, readDeskForm } from '../../desk-form';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** Charging one visit (reception and the owner only, see route-access). A visit charged already opens its charge. */
export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const visit = isId(params.appointmentId) ? await findVisitToCharge(locals.db, params.appointmentId) : null;
	if (!visit) notFound(locals.locale);
	if (visit.liveChargeId) redirect(303, localizePath(`/staff/billing/charges/${visit.liveChargeId}`, locals.locale));
	// Said before the desk fills the form: the charge would be refused (docs/clinical-rules.md §3).
	const open = await unaccountedSessionOfVisit(locals.db, visit.appointmentId);
	const needles = open?.problem ? translate(locals.locale, NEEDLE_PROBLEM_LABELS[open.problem], { in: open.needlesIn, out: open.needlesOut }) : null;
	// Fees from a late cancellation or a no-show are collected at the next visit (issue #17).
	const fees = await listPatientFees(locals.db, visit.patient.id, { openOnly: true });
	// At the month's first insured visit the desk is asked for the eligibility check (issue #19).
	const eligibility = await visitEligibility(locals.db, visit.patient.id, visit.serviceDate, actorFrom(event));
	// The course marked for the visit, and whether it still covers it (issue #18): never charged at full price silently.
	const course = await markedCourseOfVisit(locals.db, visit.appointmentId);
	return { visit, needles, fees, feeDone: url.searchParams.get('fee'), eligibility, eligibilitySaved: url.searchParams.get('eligibility') === 'saved', course };
};

const STATUS = { not_found: 404, forbidden: 403, not_chargeable: 409, already_charged: 409, before_visit_day: 409 } as const;

/** The first value of each field, as the eligibility use case reads a form. */
const firstValues = (values: Record<string, string | string[]>): Record<string, string> =>
	Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));

export const actions: Actions = {
	/*
	 * The charge, or (intent=eligibility) the month's eligibility check asked for above it: that form
	 * posts here so a refused check shows its field errors on this page with what was typed, with or
	 * without JavaScript, and a saved one comes back here (or to the safe staff path it names).
	 */
	default: async (event) => {
		const { locals, params, request } = event;
		if (!isId(params.appointmentId)) notFound(locals.locale);
		const values = await readDeskForm(request);
		if (values.intent === 'eligibility') {
			const visit = await findVisitToCharge(locals.db, params.appointmentId);
			if (!visit) notFound(locals.locale);
			const fields: Record<string, string> = { ...firstValues(values), appointmentId: visit.appointmentId };
			const result = await recordEligibilityCheck(locals.db, visit.patient.id, fields, actorFrom(event));
			if (result.ok) {
				const back = safeStaffReturnPath(fields.returnTo) ?? localizePath(`/staff/billing/appointments/${visit.appointmentId}`, locals.locale);
				redirect(303, withQuery(back, 'eligibility', 'saved'));
			}
			if (result.code !== 'invalid')
				error(result.code === 'not_found' ? 404 : 403, translate(locals.locale, result.code === 'not_found' ? 'error.notFoundTitle' : 'error.forbiddenTitle'));
			return eligibilityFormFailure(locals.locale, fields, result.fields);
		}
		const result = await createChargeForAppointment(locals.db, params.appointmentId, values, actorFrom(event));
		if (result.ok) redirect(303, localizePath(`/staff/billing/charges/${result.chargeId}`, locals.locale));
		switch (result.code) {
			case 'invalid':
				return deskFailure(422, 'create', locals.locale, values, result.fields);
			case 'insurance_refused':
				return deskFailure(409, 'create', locals.locale, values, {}, translate(locals.locale, refusalMessageKey(result.reason)), {
					refusal: { reason: result.reason, selfPayJpy: result.selfPay.patientDueJpy }
				});
			case 'already_charged':
				redirect(303, localizePath(`/staff/billing/charges/${result.chargeId}`, locals.locale));
				break;
			case 'needles_unaccounted':
				return deskFailure(
					409,
					'create',
					locals.locale,
					values,
					{},
					translate(locals.locale, NEEDLE_PROBLEM_LABELS[result.problem], { in: result.needlesIn, out: result.needlesOut })
				);
			case 'licence_refused':
				return deskFailure(409, 'create', locals.locale, values, {}, translate(locals.locale, ARTS_LICENCE_LABELS[result.reason]));
			case 'before_visit_day':
				return deskFailure(409, 'create', locals.locale, values, {}, translate(locals.locale, 'desk.error.chargeBeforeVisitDay'));
			default:
				return deskFailure(
					STATUS[result.code],
					'create',
					locals.locale,
					values,
					{},
					translate(locals.locale, result.code === 'not_chargeable' ? 'billing.outcome.not_chargeable' : 'error.notFoundTitle')
				);
		}
	}
};
