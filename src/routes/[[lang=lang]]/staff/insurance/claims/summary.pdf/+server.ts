import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n/translate';
import { pdfHeaders } from '$lib/server/documents/pdf';
import { actorFrom } from '$lib/server/http/request-context';
import { ZClaimMonthSchema } from '$lib/server/jukyo-claim/claim-drafts';
import { summarySheetsDocument } from '$lib/server/jukyo-claim/summary-document';
import type { RequestHandler } from './$types';

/** The month's 総括票 (I)/(II), one per 提出先, as one PDF (`?month=YYYY-MM`); audited. */
export const GET: RequestHandler = async (event) => {
	const { locals, url } = event;
	const month = ZClaimMonthSchema.safeParse(url.searchParams.get('month') ?? undefined);
	if (!month.success) error(400, translate(locals.locale, 'jukyoClaim.page.badMonth'));
	const document = await summarySheetsDocument(locals.db, month.data, actorFrom(event));
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
