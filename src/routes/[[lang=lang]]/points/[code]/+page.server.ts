import { redirect } from '@sveltejs/kit';
import { findAcupoint } from '$lib/domain/acupoints/points';
import { localizePath } from '$lib/i18n/locales';
import type { PageServerLoad } from './$types';
import { notFound } from '$lib/server/http/not-found';

export const load: PageServerLoad = ({ params, locals }) => {
	const point = findAcupoint(params.code);
	if (!point) notFound(locals.locale);
	// One address per point: /points/bl40 moves to /points/BL40.
	if (params.code !== point.code) redirect(308, localizePath(`/points/${point.code}`, locals.locale));
	return { point };
};
