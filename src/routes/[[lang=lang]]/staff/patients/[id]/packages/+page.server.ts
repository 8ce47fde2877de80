import { fail, redirect } from '@sveltejs/kit';
import { PAYMENT_METHODS } from '$lib/domain/billing/payments';
import { localizePath } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { readForm } from '$lib/server/http/read-form';
import { notFound } from '$lib/server/http/not-found';
import { actorFrom } from '$lib/server/http/request-context';
import { listPackageTypes } from '$lib/server/packages/package-types';
import { findPatientsByNumber, loadPackageDesk } from '$lib/server/packages/desk-page';
import { refundPackage } from '$lib/server/packages/refund-package';
import { sellPackage } from '$lib/server/packages/sell-package';
import { markVisitPackage } from '$lib/server/packages/use-package';
import { listPatientPlans, planMarksOf } from '$lib/server/packages/monthly-desk';
import { renewPlan, startPlan, stopPlan } from '$lib/server/packages/monthly-plans';
import { listPlanTypes } from '$lib/server/packages/monthly-types';
import { markVisitPlan } from '$lib/server/packages/monthly-use';
import type { Actions, PageServerLoad } from './$types';

/** A patient's prepaid courses at the desk (issue #18): sell, mark a booked visit, refund. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const desk = await loadPackageDesk(locals.db, params.id, actorFrom(event));
	if (!desk) notFound(locals.locale, 'packages.refusal.not_found');
	// Monthly plans (月額) next to the courses: each month sold is also one of `desk.packages`.
	return {
		...desk,
		types: await listPackageTypes(locals.db),
		methods: PAYMENT_METHODS,
		plans: await listPatientPlans(locals.db, desk.patient.id),
		planTypes: await listPlanTypes(locals.db),
		planMarks: await planMarksOf(
			locals.db,
			desk.visits.map((v) => v.id)
		)
	};
};

function refused(locale: App.Locals['locale'], form: string, code: string, values: Record<string, string>, fields: Record<string, string> = {}) {
	const errors = Object.fromEntries(
		Object.entries(fields).map(([field, key]) => [field, translate(locale, isMessageKey(key) ? key : 'packages.error.invalid')])
	);
	const status = code === 'forbidden' ? 403 : code === 'not_found' ? 404 : code === 'invalid' ? 422 : 409;
	return fail(status, { form, values, errors, refusal: code === 'invalid' ? null : code });
}

export const actions: Actions = {
	sell: async (event) => {
		const { locals, params } = event;
		const values = await readForm(event.request);
		// Family members are named by their patient numbers.
		const numbers = (values.familyNumbers ?? '')
			.normalize('NFKC')
			.split(/[\s,、]+/)
			.filter((n) => n !== '');
		const family = await findPatientsByNumber(locals.db, numbers);
		if (family.length !== new Set(numbers).size) return refused(locals.locale, 'sell', 'invalid', values, { familyNumbers: 'packages.error.family' });
		const result = await sellPackage(locals.db, params.id, { ...values, familyPatientIds: family.map((f) => f.id) }, actorFrom(event));
		if (!result.ok) return refused(locals.locale, 'sell', result.code, values, result.code === 'invalid' ? result.fields : {});
		// Further payments and the receipt (領収書) are billing's, on the sale's charge.
		redirect(303, localizePath(`/staff/billing/charges/${result.chargeId}`, locals.locale));
	},
	mark: async (event) => {
		const { locals, params } = event;
		const values = await readForm(event.request);
		const result = await markVisitPackage(locals.db, values.appointmentId ?? '', values.saleId ? values.saleId : null, actorFrom(event));
		if (!result.ok) return refused(locals.locale, `mark-${values.appointmentId ?? ''}`, result.code, values);
		redirect(303, localizePath(`/staff/patients/${params.id}/packages`, locals.locale));
	},
	startPlan: async (event) => {
		const { locals, params } = event;
		const values = await readForm(event.request);
		const numbers = (values.familyNumbers ?? '')
			.normalize('NFKC')
			.split(/[\s,、]+/)
			.filter((n) => n !== '');
		const family = await findPatientsByNumber(locals.db, numbers);
		if (family.length !== new Set(numbers).size) return refused(locals.locale, 'startPlan', 'invalid', values, { familyNumbers: 'packages.error.family' });
		const result = await startPlan(locals.db, params.id, { ...values, familyPatientIds: family.map((f) => f.id) }, actorFrom(event));
		if (!result.ok) return refused(locals.locale, 'startPlan', result.code, values, result.code === 'invalid' ? result.fields : {});
		// The month's payments and receipt are billing's, on its charge.
		redirect(303, localizePath(`/staff/billing/charges/${result.chargeId}`, locals.locale));
	},
	stopPlan: async (event) => {
		const { locals, params } = event;
		const values = await readForm(event.request);
		const result = await stopPlan(locals.db, values.planId ?? '', actorFrom(event));
		if (!result.ok) return refused(locals.locale, `plan-${values.planId ?? ''}`, result.code, values);
		redirect(303, `${localizePath(`/staff/patients/${params.id}/packages`, locals.locale)}#plan-${values.planId ?? ''}`);
	},
	renewPlan: async (event) => {
		const { locals } = event;
		const values = await readForm(event.request);
		const result = await renewPlan(locals.db, values.planId ?? '', actorFrom(event));
		if (!result.ok) return refused(locals.locale, `plan-${values.planId ?? ''}`, result.code, values);
		redirect(303, localizePath(`/staff/billing/charges/${result.chargeId}`, locals.locale));
	},
	markPlan: async (event) => {
		const { locals, params } = event;
		const values = await readForm(event.request);
		const result = await markVisitPlan(locals.db, values.appointmentId ?? '', values.planId ? values.planId : null, actorFrom(event));
		if (!result.ok) return refused(locals.locale, `plan-mark-${values.appointmentId ?? ''}`, result.code, values);
		redirect(303, localizePath(`/staff/patients/${params.id}/packages`, locals.locale));
	},
	refund: async (event) => {
		const { locals, params } = event;
		const values = await readForm(event.request);
		const result = await refundPackage(locals.db, values.saleId ?? '', values, actorFrom(event));
		if (!result.ok) return refused(locals.locale, `refund-${values.saleId ?? ''}`, result.code, values, result.code === 'invalid' ? result.fields : {});
		redirect(303, `${localizePath(`/staff/patients/${params.id}/packages`, locals.locale)}#refund-${values.saleId ?? ''}`);
	}
};
