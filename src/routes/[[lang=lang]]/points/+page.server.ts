import { ACUPOINTS, isBodyRegion, isMeridianCode, listAcupoints } from '$lib/domain/acupoints/points';
import type { PageServerLoad } from './$types';

/** A plain GET filter, so that it works without JavaScript; an unknown value means "all". */
export const load: PageServerLoad = ({ url }) => {
	const region = url.searchParams.get('region');
	const meridian = url.searchParams.get('meridian');
	const filter = {
		region: isBodyRegion(region) ? region : null,
		meridian: isMeridianCode(meridian) ? meridian : null
	};
	return { filter, points: listAcupoints(filter), total: ACUPOINTS.length };
};
