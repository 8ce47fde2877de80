import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { INSURED_CONDITIONS } from '$lib/domain/billing/insured-conditions';
import { isMessageKey, translate } from '$lib/i18n/translate';
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
			firstTreatmentOn: text('firstTreatmentOn')
		};
		const result = await recordDoctorConsent(locals.db, params.id, input, actorFrom(event));
		if (result.ok) return { saved: true };
		if (result.code !== 'invalid') error(result.code === 'not_found' ? 404 : 403, translate(locals.locale, result.code === 'not_found' ? 'error.notFoundTitle' : 'error.forbiddenTitle'));
		const errors = Object.fromEntries(
			Object.entries(result.fields).map(([field, key]) => [field, isMessageKey(key) ? translate(locals.locale, key) : translate(locals.locale, 'billing.error.invalid')])
		);
		return formFailure(422, { ...input, conditions: conditions.join(',') }, errors, errors._);
	}
};
