import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { findDocumentPatient, patientName } from '$lib/server/documents/document-patient';
import type { PageServerLoad } from './$types';

/** The patient's printable documents; the PDFs audit their own reads, this page shows only the name. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const patient = z.uuid().safeParse(params.id).success ? await findDocumentPatient(locals.db, params.id) : null;
	if (!patient) error(404, translate(locals.locale, 'error.notFoundTitle'));
	return { patient: { id: patient.id, patientNumber: patient.patientNumber, name: patientName(patient, locals.locale) } };
};
