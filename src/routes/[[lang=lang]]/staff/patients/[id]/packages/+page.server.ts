import { error, fail, redirect } from '@sveltejs/kit';
import { PAYMENT_METHODS } from '$lib/domain/billing/payments';
import { localizePath } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { readForm } from '$lib/server/http/read-form';
import { actorFrom } from '$lib/server/http/request-context';
import { listPackageTypes } from '$lib/server/packages/package-types';
import { listPatientPackages } from '$lib/server/packages/patient-packages';
import { refundPackage } from '$lib/server/packages/refund-package';
import { sellPackage } from '$lib/server/packages/sell-package';
import { markVisitPackage } from '$lib/server/packages/use-package';
import type { Actions, PageServerLoad } from './$types';

/** A patient's prepaid courses at the desk (issue #18): sell, mark a booked visit, refund. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const patient = await locals.db.kysely.selectFrom('patient').select(['id', 'family_name', 'given_name', 'patient_number']).where('id', '=', params.id).where('erased_at', 'is', null).where('merged_into_id', 'is', null).executeTakeFirst();
	if (!patient) error(404, translate(locals.locale, 'packages.refusal.not_found'));
	const packages = await listPatientPackages(locals.db, patient.id, actorFrom(event));
	const now = locals.db.clock.now().toISOString();
	const visits = await locals.db.kysely
		.selectFrom('appointment')
		.leftJoin('service', 'service.id', 'appointment.service_id')
		.leftJoin('appointment_package', 'appointment_package.appointment_id', 'appointment.id')
		.select(['appointment.id', 'appointment.starts_at', 'appointment.service_id', 'service.name_ja', 'service.name_en', 'appointment_package.package_sale_id'])
		.where('appointment.patient_id', '=', patient.id)
		.where('appointment.status', 'in', ['booked', 'arrived'])
		.where('appointment.ends_at', '>=', now)
		.orderBy('appointment.starts_at')
		.limit(20)
		.execute();
	const people = await locals.db.kysely
		.selectFrom('patient')
		.select(['id', 'family_name', 'given_name'])
		.where('id', 'in', [patient.id, ...packages.flatMap((p) => [p.holderPatientId, ...p.familyPatientIds, ...p.uses.map((u) => u.patientId)])])
		.execute();
	const clinic = await locals.db.kysely.selectFrom('clinic').select('time_zone').orderBy('id').executeTakeFirstOrThrow();
	return {
		patient: { id: patient.id, name: `${patient.family_name} ${patient.given_name}`.trim(), number: patient.patient_number },
		names: Object.fromEntries(people.map((p) => [p.id, `${p.family_name} ${p.given_name}`.trim()])),
		packages,
		types: await listPackageTypes(locals.db),
		visits: visits.map((v) => ({ id: v.id, startsAt: v.starts_at, serviceId: v.service_id, serviceJa: v.name_ja ?? '', serviceEn: v.name_en ?? '', saleId: v.package_sale_id })),
		methods: PAYMENT_METHODS,
		timeZone: clinic.time_zone
	};
};

function refused(locale: App.Locals['locale'], form: string, code: string, values: Record<string, string>, fields: Record<string, string> = {}) {
	const errors = Object.fromEntries(Object.entries(fields).map(([field, key]) => [field, translate(locale, isMessageKey(key) ? key : 'packages.error.invalid')]));
	const status = code === 'forbidden' ? 403 : code === 'not_found' ? 404 : code === 'invalid' ? 422 : 409;
	return fail(status, { form, values, errors, refusal: code === 'invalid' ? null : code });
}

export const actions: Actions = {
	sell: async (event) => {
		const { locals, params } = event;
		const values = await readForm(event.request);
		// Family members are named by their patient numbers.
		const numbers = (values.familyNumbers ?? '').normalize('NFKC').split(/[\s,、]+/).filter((n) => n !== '');
		const family = numbers.length === 0 ? [] : await locals.db.kysely.selectFrom('patient').select(['id', 'patient_number']).where('patient_number', 'in', numbers).where('merged_into_id', 'is', null).execute();
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
	refund: async (event) => {
		const { locals, params } = event;
		const values = await readForm(event.request);
		const result = await refundPackage(locals.db, values.saleId ?? '', values, actorFrom(event));
		if (!result.ok) return refused(locals.locale, `refund-${values.saleId ?? ''}`, result.code, values, result.code === 'invalid' ? result.fields : {});
		redirect(303, `${localizePath(`/staff/patients/${params.id}/packages`, locals.locale)}#refund-${values.saleId ?? ''}`);
	}
};
