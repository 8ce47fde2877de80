import { json } from '@sveltejs/kit';
import { listServices } from '$lib/server/clinic/clinic-repository';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const services = await listServices(locals.db, { onlineOnly: true });
	return json(
		services.map((s) => ({
			id: s.id,
			code: s.code,
			name: { ja: s.name_ja, en: s.name_en },
			durationMinutes: s.duration_minutes,
			priceJpy: s.price_jpy
		}))
	);
};
