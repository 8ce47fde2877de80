import { pdfHeaders } from '$lib/server/documents/pdf';
import { actorFrom } from '$lib/server/http/request-context';
import { notFound } from '$lib/server/http/not-found';
import { refundReceiptPdf } from '$lib/server/packages/refund-receipt';
import type { RequestHandler } from './$types';

/** The refund receipt of a cancelled course (issue #18) as a PDF in the page's language: the desk and the owner. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const document = await refundReceiptPdf(locals.db, params.id, params.saleId, locals.locale, actorFrom(event));
	if (!document) notFound(locals.locale);
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
