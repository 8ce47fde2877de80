import { pdfHeaders } from '$lib/server/documents/pdf';
import { treatmentSummaryPdf } from '$lib/server/documents/treatment-summary';
import { portalPatient } from '$lib/server/portal/portal-patient';
import type { RequestHandler } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** The signed-in patient's own treatment summary, as a PDF. */
export const GET: RequestHandler = async (event) => {
	const { patientId, actor } = portalPatient(event);
	const document = await treatmentSummaryPdf(event.locals.db, patientId, event.locals.locale, actor);
	if (!document) notFound(event.locals.locale);
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
