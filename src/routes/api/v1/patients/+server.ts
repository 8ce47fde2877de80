import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { translate } from '$lib/i18n/translate';
import { validationError } from '$lib/server/http/api-response';
import { actorFrom } from '$lib/server/http/request-context';
import { searchPatients } from '$lib/server/patients/search-patients';
import type { RequestHandler } from './$types';

/** Longest query read, as on the register's search page: anything longer is no name, number or date. */
const PATIENT_QUERY_MAX = 100;

const ZPatientQuerySchema = z.object({ q: z.string().trim().min(1).max(PATIENT_QUERY_MAX) });

/** Staff: `GET /api/v1/patients?q=TEXT` (docs/contracts.md). The search is audited. */
export const GET: RequestHandler = async (event) => {
	const { url, locals } = event;
	const raw = url.searchParams.has('q') ? { q: url.searchParams.get('q') } : {};
	const parsed = ZPatientQuerySchema.safeParse(raw);
	if (!parsed.success) return validationError(parsed.error, raw, locals.locale, translate(locals.locale, 'validation.formTitle'));
	const patients = await searchPatients(locals.db, parsed.data.q, actorFrom(event));
	return json(
		patients.map((p) => ({
			id: p.id,
			familyName: p.familyName,
			givenName: p.givenName,
			familyNameKana: p.familyNameKana,
			givenNameKana: p.givenNameKana,
			dateOfBirth: p.dateOfBirth
		})),
		// Personal data: never kept by a browser or proxy cache.
		{ headers: { 'cache-control': 'no-store' } }
	);
};
