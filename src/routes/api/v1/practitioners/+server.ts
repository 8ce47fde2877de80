import { json } from '@sveltejs/kit';
import { listPractitioners } from '$lib/server/clinic/clinic-repository';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const practitioners = await listPractitioners(locals.db);
	return json(
		practitioners.map((p) => ({
			id: p.id,
			name: { ja: `${p.family_name_ja} ${p.given_name_ja}`, en: `${p.given_name_en} ${p.family_name_en}` }
		}))
	);
};
