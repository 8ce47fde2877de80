import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { isMessageKey, translate } from '$lib/i18n/translate';
import { pdfHeaders } from '$lib/server/documents/pdf';
import { ZRecordQuerySchema } from '$lib/server/documents/record-month';
import { treatmentRecordPdf } from '$lib/server/documents/treatment-record-print';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';
import { notFound } from '$lib/server/http/not-found';

/** The patient's 施術録 as a PDF, all of it or one month (`?month=2026-03`), in the page's language. */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url } = event;
	if (!z.uuid().safeParse(params.id).success) notFound(locals.locale);
	const query = ZRecordQuerySchema.safeParse({ month: url.searchParams.get('month') ?? undefined });
	if (!query.success) {
		const message = query.error.issues[0]?.message ?? '';
		error(400, isMessageKey(message) ? translate(locals.locale, message) : translate(locals.locale, 'error.badRequestTitle'));
	}
	const document = await treatmentRecordPdf(locals.db, params.id, query.data, locals.locale, actorFrom(event));
	if (!document) notFound(locals.locale);
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
