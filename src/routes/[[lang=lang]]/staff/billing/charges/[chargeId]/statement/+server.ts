import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { chargeAccess } from '$lib/server/billing/desk-access';
import { statementPdf } from '$lib/server/documents/billing-documents';
import { pdfHeaders } from '$lib/server/documents/pdf';
import { actorFrom } from '$lib/server/http/request-context';
import { deskViewer, isId } from '../../../desk-form';
import type { RequestHandler } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** The itemised statement (明細書) of one charge as a PDF in the page's language; a practitioner only for their own visits. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const access = isId(params.chargeId) ? await chargeAccess(locals.db, params.chargeId, deskViewer(locals)) : 'not_found';
	if (access === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
	const document = access === 'ok' ? await statementPdf(locals.db, params.chargeId, locals.locale, actorFrom(event)) : null;
	if (!document) notFound(locals.locale);
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
