import { error, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { personName } from '$lib/domain/patients/person-name';
import { translate } from '$lib/i18n/translate';
import { mayReadClinical } from '$lib/server/clinic/security-settings';
import { findIntakePatient, type IntakePatient } from '$lib/server/intake/intake-service';
import { notFound } from '$lib/server/http/not-found';

/**
 * The patient whose questionnaire staff open: 404 for an unknown id; 403 for reception unless the
 * owner lets reception read clinical content.
 */
export async function intakePatientFor(event: RequestEvent): Promise<IntakePatient> {
	const { locals, params } = event;
	const staff = locals.session!.staff;
	if (!(await mayReadClinical(locals.db, staff.role))) error(403, translate(locals.locale, 'intake.noReadAccess'));
	const id = params.id ?? '';
	const patient = z.uuid().safeParse(id).success ? await findIntakePatient(locals.db, id) : null;
	if (!patient) notFound(locals.locale);
	return patient;
}

export function displayName(patient: IntakePatient, locale: 'ja' | 'en'): string {
	return personName(patient, locale);
}
