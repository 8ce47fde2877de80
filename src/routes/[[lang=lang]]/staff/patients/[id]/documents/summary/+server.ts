import { z } from 'zod';
import { pdfHeaders } from '$lib/server/documents/pdf';
import { treatmentSummaryPdf } from '$lib/server/documents/treatment-summary';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** A patient's treatment summary for the practitioner to print or hand over, in the page's language. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const document = z.uuid().safeParse(params.id).success ? await treatmentSummaryPdf(locals.db, params.id, locals.locale, actorFrom(event)) : null;
	if (!document) notFound(locals.locale);
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
