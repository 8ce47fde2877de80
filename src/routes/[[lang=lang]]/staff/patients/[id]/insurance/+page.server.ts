import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { INSURED_CONDITIONS } from '$lib/domain/billing/insured-conditions';
import { localizePath } from '$lib/i18n/locales';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { doctorTreatmentsOf, endDoctorTreatment, recordDoctorTreatment } from '$lib/server/jukyo/doctor-treatment';
import { eligibilityStatus, recordEligibilityCheck } from '$lib/server/jukyo/eligibility';
import { readForm } from '$lib/server/http/read-form';
import { safeStaffReturnPath, withQuery } from '$lib/server/http/return-path';
import { doctorConsentStatus, recordDoctorConsent } from '$lib/server/billing/doctor-consent';
import { INSTITUTION_MAX, NAME_MAX, NOTE_MAX } from '$lib/server/billing/schemas';
import type { StaffRole } from '$lib/server/db/schema';
import { findDocumentPatient, patientName } from '$lib/server/documents/document-patient';
import { formFailure } from '$lib/server/http/form';
import { actorFrom } from '$lib/server/http/request-context';
import type { Actions, PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

const isPatientId = (id: string) => z.uuid().safeParse(id).success;

/*
 * Reception takes the consent form from the patient at the desk and the owner answers for the
 * claims, so those two record consents; a practitioner only needs to see whether insurance applies.
 */
const MAY_RECORD: readonly StaffRole[] = ['owner', 'reception'];

/** The patient's insurance card and doctor's consents (同意書) with where each stands today. */
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const patient = isPatientId(params.id) ? await findDocumentPatient(locals.db, params.id) : null;
	if (!patient) notFound(locals.locale);
	const status = await doctorConsentStatus(locals.db, patient.id, actorFrom(event));
	if (!status.ok) notFound(locals.locale);
	// The month's eligibility checks and a doctor's own treatment of the condition (issue #19); the consent read above is audited.
	const eligibility = await eligibilityStatus(locals.db, patient.id, actorFrom(event), { today: status.today });
	if (!eligibility.ok) notFound(locals.locale);
	const doctorTreatments = await doctorTreatmentsOf(locals.db, patient.id);
	const role = locals.session!.staff.role;
	return {
		role,
		mayRecord: MAY_RECORD.includes(role),
		mayOpenRecords: role !== 'reception',
		today: status.today,
		patient: { id: patient.id, patientNumber: patient.patientNumber, name: patientName(patient, locals.locale), insurance: patient.insurance },
		consents: status.consents,
		currentId: status.current?.id ?? null,
		conditions: INSURED_CONDITIONS,
		eligibility: {
			checks: eligibility.checks,
			covered: eligibility.cover.covered,
			coveredBy: eligibility.cover.covered ? eligibility.cover.record.checkedOn : null,
			warning: eligibility.warning
		},
		doctorTreatments,
		limits: { name: NAME_MAX, institution: INSTITUTION_MAX, note: NOTE_MAX }
	};
};

export const actions: Actions = {
	record: async (event) => {
		const { locals, params, request } = event;
		if (!MAY_RECORD.includes(locals.session!.staff.role)) error(403, translate(locals.locale, 'error.forbiddenTitle'));
		if (!isPatientId(params.id)) notFound(locals.locale);
		const form = await request.formData();
		const text = (name: string) => {
			const v = form.get(name);
			return typeof v === 'string' ? v : '';
		};
		const conditions = form.getAll('conditions').filter((v): v is string => typeof v === 'string');
		const input = {
			kind: text('kind'),
			doctorName: text('doctorName'),
			institution: text('institution'),
			signedOn: text('signedOn'),
			conditions,
			conditionNote: text('conditionNote'),
			firstTreatmentOn: text('firstTreatmentOn'),
			institutionAddress: text('institutionAddress'),
			symptoms: text('symptoms'),
			onsetOn: text('onsetOn'),
			examinedOn: text('examinedOn'),
			homeVisitNeeded: text('homeVisitNeeded'),
			homeVisitReason: text('homeVisitReason'),
			carePeriod: text('carePeriod'),
			remarks: text('remarks')
		};
		const result = await recordDoctorConsent(locals.db, params.id, input, actorFrom(event));
		if (result.ok) return { saved: true };
		if (result.code !== 'invalid')
			error(result.code === 'not_found' ? 404 : 403, translate(locals.locale, result.code === 'not_found' ? 'error.notFoundTitle' : 'error.forbiddenTitle'));
		const errors = Object.fromEntries(
			Object.entries(result.fields).map(([field, key]) => [
				field,
				isMessageKey(key) ? translate(locals.locale, key) : translate(locals.locale, 'billing.error.invalid')
			])
		);
		return formFailure(422, { ...input, conditions: conditions.join(',') }, errors, errors._);
	},
	eligibility: async (event) => {
		const { locals, params, request } = event;
		if (!MAY_RECORD.includes(locals.session!.staff.role)) error(403, translate(locals.locale, 'error.forbiddenTitle'));
		if (!isPatientId(params.id)) notFound(locals.locale);
		const values = await readForm(request);
		const result = await recordEligibilityCheck(locals.db, params.id, values, actorFrom(event));
		if (result.ok) {
			// Sent from another staff page (a safe same-site path only), or recorded for a visit: back there.
			const back =
				safeStaffReturnPath(values.returnTo) ??
				(result.check.appointmentId ? localizePath(`/staff/billing/appointments/${result.check.appointmentId}`, locals.locale) : null);
			if (back) redirect(303, withQuery(back, 'eligibility', 'saved'));
			return { eligibilitySaved: true };
		}
		if (result.code !== 'invalid')
			error(result.code === 'not_found' ? 404 : 403, translate(locals.locale, result.code === 'not_found' ? 'error.notFoundTitle' : 'error.forbiddenTitle'));
		return fail(422, { eligibilityForm: { values, errors: localized(locals.locale, result.fields) } });
	},
	doctorTreatment: async (event) => {
		const { locals, params, request } = event;
		if (!MAY_RECORD.includes(locals.session!.staff.role)) error(403, translate(locals.locale, 'error.forbiddenTitle'));
		if (!isPatientId(params.id)) notFound(locals.locale);
		const values = await readForm(request);
		const result = values.treatmentId
			? await endDoctorTreatment(locals.db, params.id, values, actorFrom(event))
			: await recordDoctorTreatment(locals.db, params.id, values, actorFrom(event));
		if (result.ok) return { doctorTreatmentSaved: true };
		if (result.code !== 'invalid')
			error(result.code === 'not_found' ? 404 : 403, translate(locals.locale, result.code === 'not_found' ? 'error.notFoundTitle' : 'error.forbiddenTitle'));
		return fail(422, { doctorTreatmentForm: { values, errors: localized(locals.locale, result.fields) } });
	}
};

function localized(locale: App.Locals['locale'], fields: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(fields).map(([field, key]) => [field, translate(locale, isMessageKey(key) ? key : 'jukyoRegistration.error.invalid')])
	);
}
