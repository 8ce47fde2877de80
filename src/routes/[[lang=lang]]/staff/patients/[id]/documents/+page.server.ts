import { z } from 'zod';
import { findDocumentPatient, patientName } from '$lib/server/documents/document-patient';
import type { PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** The patient's printable documents; the PDFs audit their own reads, this page shows only the name. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const patient = z.uuid().safeParse(params.id).success ? await findDocumentPatient(locals.db, params.id) : null;
	if (!patient) notFound(locals.locale);
	return { patient: { id: patient.id, patientNumber: patient.patientNumber, name: patientName(patient, locals.locale) } };
};
