import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { pdfHeaders } from '$lib/server/documents/pdf';
import { actorFrom } from '$lib/server/http/request-context';
import { notFound } from '$lib/server/http/not-found';
import { doctorReportDocument } from '$lib/server/jukyo-claim/doctor-report-pdf';
import type { RequestHandler } from './$types';

/** One issued 施術報告書 as an A4 PDF (issue #19); the read is audited. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	if (!z.uuid().safeParse(params.id).success || !z.uuid().safeParse(params.reportId).success) notFound(locals.locale);
	const document = await doctorReportDocument(locals.db, params.id, params.reportId, actorFrom(event));
	if (!document.ok) {
		if (document.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
		notFound(locals.locale);
	}
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
