import { actorFrom } from '$lib/server/http/request-context';
import { SEARCH_LIMIT, searchPatients } from '$lib/server/patients/search-patients';
import type { PageServerLoad } from './$types';

/** Longest query read; anything longer is no name, number or date. */
const QUERY_MAX = 100;

export const load: PageServerLoad = async (event) => {
	const q = (event.url.searchParams.get('q') ?? '').slice(0, QUERY_MAX);
	const searched = q.trim() !== '';
	const results = searched ? await searchPatients(event.locals.db, q, actorFrom(event)) : [];
	return { q, searched, results, limit: SEARCH_LIMIT };
};
