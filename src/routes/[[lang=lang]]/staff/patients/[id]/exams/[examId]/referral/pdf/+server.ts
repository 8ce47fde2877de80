import { z } from 'zod';
import { pdfHeaders } from '$lib/server/documents/pdf';
import { referralLetterPdf } from '$lib/server/documents/referral-letter';
import { actorFrom } from '$lib/server/http/request-context';
import type { RequestHandler } from './$types';
import { notFound } from '$lib/server/http/not-found';

const isId = (id: string) => z.uuid().safeParse(id).success;

/** The referral letter of one examination as a PDF, in the page's language, signed by whoever downloads it. */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const document =
		isId(params.id) && isId(params.examId) ? await referralLetterPdf(locals.db, params.id, params.examId, locals.locale, actorFrom(event)) : null;
	if (!document) notFound(locals.locale);
	return new Response(new Uint8Array(document.pdf), { headers: pdfHeaders(document.filename) });
};
