import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { pdfHeaders } from '$lib/server/documents/pdf';
import { referralLetterPdf } from '$lib/server/documents/referral-letter';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';

const isId = (id: string) => z.uuid().safeParse(id).success;

/** The referral letter of one examination as a PDF, in the page's language, signed by whoever downloads it. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const document = isId(params.id) && isId(params.examId) ? await referralLetterPdf(locals.db, params.id, params.examId, locals.locale, actorFrom(event)) : null;
	if (!document) error(404, translate(locals.locale, 'error.notFoundTitle'));
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
