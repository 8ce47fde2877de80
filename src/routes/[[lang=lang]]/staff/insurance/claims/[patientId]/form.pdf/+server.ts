import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { pdfHeaders } from '$lib/server/documents/pdf';
import { notFound } from '$lib/server/http/not-found';
import { actorFrom } from '$lib/server/http/request-context';
import { claimFormDocument, ZClaimFormKindSchema, ZClaimMonthSchema } from '$lib/server/jukyo-claim/claim-drafts';
import type { RequestHandler } from './$types';

/** One patient's 申請書 of a month as a PDF (`?month=YYYY-MM[&kind=public_expense]`); audited. */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url } = event;
	const month = ZClaimMonthSchema.safeParse(url.searchParams.get('month') ?? undefined);
	const kind = ZClaimFormKindSchema.safeParse(url.searchParams.get('kind') ?? undefined);
	if (!month.success || !kind.success) error(400, translate(locals.locale, 'jukyoClaim.page.badMonth'));
	const document = z.uuid().safeParse(params.patientId).success
		? await claimFormDocument(locals.db, params.patientId, month.data, kind.data, actorFrom(event))
		: null;
	if (!document) notFound(locals.locale);
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
