import { attentionCounts } from '$lib/server/staff/attention-counts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const staff = locals.session?.secondFactorDone ? locals.session.staff : null;
	return { attention: staff ? await attentionCounts(locals.db, staff.role) : null };
};
