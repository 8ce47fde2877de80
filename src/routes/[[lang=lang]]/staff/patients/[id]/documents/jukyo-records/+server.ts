import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { pdfHeaders } from '$lib/server/documents/pdf';
import { actorFrom } from '$lib/server/http/request-context';
import { notFound } from '$lib/server/http/not-found';
import { jukyoTreatmentRecordPdf } from '$lib/server/jukyo-claim/jukyo-treatment-record';
import type { RequestHandler } from './$types';

/** The 受領委任 施術録 apart from the full record (issue #19): insured visits only, as the insurer may see them. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	if (!z.uuid().safeParse(params.id).success) notFound(locals.locale);
	const document = await jukyoTreatmentRecordPdf(locals.db, params.id, locals.locale, actorFrom(event));
	if (!document.ok) {
		if (document.code === 'forbidden') error(403, translate(locals.locale, 'error.forbiddenTitle'));
		notFound(locals.locale);
	}
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
