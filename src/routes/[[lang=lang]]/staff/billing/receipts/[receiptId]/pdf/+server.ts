import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { chargeAccess, chargeOfReceipt } from '$lib/server/billing/desk-access';
import { receiptPdf } from '$lib/server/documents/billing-documents';
import { pdfHeaders } from '$lib/server/documents/pdf';
import { actorFrom } from '$lib/server/http/request-context';
import { deskViewer, isId } from '../../../desk-form';
import type { RequestHandler } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** A receipt (領収書) as a PDF in the page's language; a practitioner only for their own visits. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const chargeId = isId(params.receiptId) ? await chargeOfReceipt(locals.db, params.receiptId) : null;
	const access = chargeId ? await chargeAccess(locals.db, chargeId, deskViewer(locals)) : 'not_found';
	if (access === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
	const document = access === 'ok' ? await receiptPdf(locals.db, params.receiptId, locals.locale, actorFrom(event)) : null;
	if (!document) notFound(locals.locale);
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
